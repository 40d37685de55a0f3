import { useRef } from 'react';
import { useUnsavedInput } from './unsaved-changes';

/**
 * Puts the surrounding form (or `data-unsaved-scope` element) under ui/unsaved-changes, for input
 * without FormActions (which does this itself).
 */
export function TrackUnsavedInput({ saved }: { saved: boolean }) {
  const marker = useRef<HTMLSpanElement>(null);
  useUnsavedInput(marker, saved);
  return <span ref={marker} hidden />;
}
