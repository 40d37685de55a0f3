import { api } from '../../../lib/api-client';

/** Landlord contact and asking rent: personal data, readable and writable only by the town's editors. */
export interface StorefrontContact {
  storefrontId: string;
  ownerName: string | null;
  ownerPhone: string | null;
  ownerEmail: string | null;
  askingRentEurMonth: number | null;
  note: string | null;
  updatedAt: string;
}

export type ContactFields = Pick<
  StorefrontContact,
  'ownerName' | 'ownerPhone' | 'ownerEmail' | 'askingRentEurMonth' | 'note'
>;

const path = (storefrontId: string): string => `/api/storefronts/${storefrontId}/contact`;

export const contactsApi = {
  /** null when the storefront has no contact (the API answers 204). */
  get: async (storefrontId: string): Promise<StorefrontContact | null> =>
    (await api.get<StorefrontContact | undefined>(path(storefrontId))) ?? null,
  /** `version` is the storefront's version (the contact is written under the storefront's lock). */
  /** undefined when every field was empty: the unit then has no contact (the API answers 204). */
  put: (storefrontId: string, version: number, contact: ContactFields) =>
    api.put<StorefrontContact | undefined>(path(storefrontId), { ...contact, version }),
  remove: (storefrontId: string, version: number) =>
    api.delete<void>(`${path(storefrontId)}?version=${version}`),
};
