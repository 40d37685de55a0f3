import { useEffect, useRef, type RefObject } from 'react';
import i18n from '../i18n';

/**
 * Typed input that has not been saved yet. A form counts as having unsaved input from its first
 * keystroke or change until it is saved (`saved` turns true) or goes away. While any form has some:
 * - leaving or reloading the page makes the browser ask first (beforeunload);
 * - closing the unit's panel, opening another unit or another page asks first (`confirmDiscard`).
 */
const unsaved = new Set<object>();

function askBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
}

function setUnsaved(form: object, dirty: boolean): void {
  const before = unsaved.size;
  if (dirty) unsaved.add(form);
  else unsaved.delete(form);
  if (before === 0 && unsaved.size > 0) window.addEventListener('beforeunload', askBeforeUnload);
  if (before > 0 && unsaved.size === 0) window.removeEventListener('beforeunload', askBeforeUnload);
}

export const hasUnsavedInput = (): boolean => unsaved.size > 0;

/** True when nothing typed would be lost, or the user agrees to lose it (then it is forgotten). */
export function confirmDiscard(): boolean {
  if (unsaved.size === 0) return true;
  if (!window.confirm(i18n.t('form.discardQuestion'))) return false;
  for (const form of [...unsaved]) setUnsaved(form, false);
  return true;
}

/**
 * Tracks the form around `inside` (any element in it). `saved`: the form's last save succeeded — what
 * was typed before is stored; typing again makes it unsaved again.
 */
export function useUnsavedInput(inside: RefObject<HTMLElement | null>, saved = false): void {
  const token = useRef({});
  useEffect(() => {
    const form = inside.current?.closest('form');
    const self = token.current;
    if (!form) return;
    // A control that only chooses what the form shows (data-unsaved-ignore) is no input.
    const touched = (event: Event): void => {
      if (!(event.target instanceof Element && event.target.closest('[data-unsaved-ignore]')))
        setUnsaved(self, true);
    };
    form.addEventListener('input', touched);
    form.addEventListener('change', touched);
    return () => {
      form.removeEventListener('input', touched);
      form.removeEventListener('change', touched);
      setUnsaved(self, false);
    };
  }, [inside]);
  useEffect(() => {
    if (saved) setUnsaved(token.current, false);
  }, [saved]);
}
