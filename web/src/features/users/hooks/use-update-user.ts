import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userKeys } from '../api/user-keys';
import { usersApi, type UserChanges } from '../api/users-api';

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UserChanges }) =>
      usersApi.update(id, version, changes),
    onSettled: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}
