import { useState } from 'react';
import { fetchDownload, saveBlob } from './download';

/**
 * One download at a time, fetched and saved (lib/download.ts): which one is running (`busy`, a key
 * of the caller's) and why the last one failed. A second start while one runs is ignored.
 */
export function useDownload<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const download = async (key: K, href: string, accept: string): Promise<void> => {
    if (busy !== null) return;
    setBusy(key);
    setError(null);
    try {
      const { blob, fileName } = await fetchDownload(href, accept);
      saveBlob(blob, fileName);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error('The download failed.'));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, download };
}
