import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userKeys } from '../api/user-keys';
import { usersApi, type NewUser } from '../api/users-api';

/** Creates a user; the answer carries the one-time temporary password. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => usersApi.create(body),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}
