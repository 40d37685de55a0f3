import { useRef } from 'react';
import { useUnsavedInput } from './unsaved-changes';

/**
 * Puts the surrounding form (or `data-unsaved-scope` element) under ui/unsaved-changes. FormActions
 * renders it, so every form with save and cancel buttons takes part; other input places it themselves.
 */
export function TrackUnsavedInput({ saved }: { saved: boolean }) {
  const marker = useRef<HTMLSpanElement>(null);
  useUnsavedInput(marker, saved);
  return <span ref={marker} hidden />;
}
