import { useMutation } from '@tanstack/react-query';
import { importsApi } from '../api/imports-api';

/** Sends the chosen file; the answer is the parsed upload (headers, row count, file problems). */
export function useUploadImport(cityId: string) {
  return useMutation({ mutationFn: (file: File) => importsApi.upload(cityId, file) });
}
