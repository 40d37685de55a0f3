import { useQuery } from '@tanstack/react-query';
import { userKeys } from '../api/user-keys';
import { usersApi } from '../api/users-api';

export function useUsers(enabled = true) {
  return useQuery({ queryKey: userKeys.list(), queryFn: () => usersApi.list(), enabled });
}
