import { useMutation, useQueryClient } from '@tanstack/react-query';
import { auditKeys } from '../../audit/api/audit-keys';
import { storefrontKeys } from '../../storefronts/api/storefront-keys';
import { contactKeys } from '../api/contact-keys';
import { contactsApi } from '../api/contacts-api';

/** Deletes the contact for good (the API keeps no copy; the audit trail names only the fields). */
export function useDeleteContact(storefrontId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => contactsApi.remove(storefrontId, version),
    onSuccess: async () => {
      client.setQueryData(contactKeys.forStorefront(storefrontId), null);
      await Promise.all([
        client.invalidateQueries({ queryKey: storefrontKeys.all }),
        client.invalidateQueries({ queryKey: auditKeys.forStorefront(storefrontId) }),
      ]);
    },
  });
}
