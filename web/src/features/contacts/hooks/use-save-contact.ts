import { useMutation, useQueryClient } from '@tanstack/react-query';
import { auditKeys } from '../../audit/api/audit-keys';
import { storefrontKeys } from '../../storefronts/api/storefront-keys';
import { contactKeys } from '../api/contact-keys';
import { contactsApi, type ContactFields } from '../api/contacts-api';

/** A contact write bumps the storefront's version and adds a change record: refresh all three. */
function useAfterContactWrite(storefrontId: string): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: contactKeys.forStorefront(storefrontId) }),
      client.invalidateQueries({ queryKey: storefrontKeys.all }),
      client.invalidateQueries({ queryKey: auditKeys.forStorefront(storefrontId) }),
    ]);
  };
}

export function useSaveContact(storefrontId: string) {
  const after = useAfterContactWrite(storefrontId);
  return useMutation({
    mutationFn: ({ version, contact }: { version: number; contact: ContactFields }) =>
      contactsApi.put(storefrontId, version, contact),
    onSuccess: after,
  });
}
