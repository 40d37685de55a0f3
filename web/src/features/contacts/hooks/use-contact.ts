import { useQuery } from '@tanstack/react-query';
import { contactKeys } from '../api/contact-keys';
import { contactsApi } from '../api/contacts-api';

/** The storefront's contact; only asked for when the user edits the town (others get 403). */
export function useContact(storefrontId: string, enabled: boolean) {
  return useQuery({
    queryKey: contactKeys.forStorefront(storefrontId),
    queryFn: () => contactsApi.get(storefrontId),
    enabled,
  });
}
