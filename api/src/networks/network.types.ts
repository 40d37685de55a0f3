/** A network of towns as the API sends it (shared with the dashboard; no framework imports here). */
export interface Network {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  source: string | null;
  cityIds: string[];
}
