import { useEffect, useRef, type RefObject } from 'react';
import i18n from '../i18n';

/**
 * Typed input that has not been saved yet. A form counts as having unsaved input from its first
 * keystroke or change until it is saved (`saved` turns true) or goes away. While any form has some:
 * - leaving or reloading the page makes the browser ask first (beforeunload);
 * - steps that remove forms ask first (`confirmDiscard`): closing the unit's panel, opening another
 *   unit, another page, Back, signing out, editing another item of a list.
 * A change that only sets something without typing (a button that adds a role) reports itself with
 * `reportChange`.
 */
const unsaved = new Set<object>();
/** Agreed to lose the input: the forms go away with the step that asked (until then, no second question). */
let agreed = false;

function askBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  event.returnValue = ''; // browsers before the standard's preventDefault (Chromium < 119)
}

function setUnsaved(form: object, dirty: boolean): void {
  const before = unsaved.size;
  if (dirty) unsaved.add(form);
  else unsaved.delete(form);
  if (before === 0 && unsaved.size > 0) window.addEventListener('beforeunload', askBeforeUnload);
  if (before > 0 && unsaved.size === 0) window.removeEventListener('beforeunload', askBeforeUnload);
}

const hasUnsavedInput = (): boolean => unsaved.size > 0 && !agreed;

/**
 * True when nothing typed would be lost, or the user agrees to lose it. Agreeing does not forget the
 * forms: those the step removes unregister as they go; a form that stays is still tracked.
 */
export function confirmDiscard(): boolean {
  if (!hasUnsavedInput()) return true;
  if (!window.confirm(i18n.t('form.discardQuestion'))) return false;
  agreed = true;
  setTimeout(() => (agreed = false), 0); // the step's re-render (and its unmounts) happen before this
  return true;
}

/** For a change made without typing (e.g. a button that adds or removes an item): the form has unsaved input. */
export function reportChange(inside: Element): void {
  inside.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Tracks the form around `inside` (any element in it; or the element marked `data-unsaved-scope`, for
 * input that is not a form, like the import's mapping). `saved`: it shows what is stored (its last save
 * succeeded, or it was reset) — typing again makes it unsaved again.
 */
export function useUnsavedInput(inside: RefObject<HTMLElement | null>, saved = false): void {
  const token = useRef({});
  useEffect(() => {
    const form = inside.current?.closest('form, [data-unsaved-scope]');
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
