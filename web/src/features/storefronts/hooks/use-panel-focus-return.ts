import { useCallback, useEffect, useRef, type RefObject } from 'react';

/** The element that has focus, or null when focus is nowhere (on <body>, e.g. after its element went away). */
const focused = (): HTMLElement | null =>
  document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : null;

/** Focuses an element, making a non-interactive one (the list's table) focusable by script first. */
function focus(element: HTMLElement): void {
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus();
}

export interface PanelFocusReturn {
  /** Called by the step that opens a panel, before the panel shows and takes focus itself. */
  rememberOpener: () => void;
  /** Called before a deletion closes the unit's panel: the unit and its row are gone. */
  unitDeleted: () => void;
}

/**
 * Where keyboard focus goes when the town page's side panel goes away (WCAG 2.4.3); otherwise it falls
 * to <body> and keyboard and screen-reader users start again at the top of the page.
 *
 * - Closed (✕, Back) or cancelled: back to the element that opened it — the list row's button, the map,
 *   the "add" button —, or when that is gone (opened from a link, another page of the list) to the
 *   unit's row button in the list or to the map.
 * - After the unit was deleted: to the list (its table) or the map, where the unit was.
 *
 * `panelShown`: whether a side panel (a unit's, adding or moving one) is on screen; `unitId`: the unit
 * shown; `view`: the element holding the map or the list. Focus the user moved elsewhere meanwhile
 * (it did not go away with the panel) is left alone.
 */
export function usePanelFocusReturn(
  panelShown: boolean,
  unitId: string | undefined,
  view: RefObject<HTMLElement | null>,
): PanelFocusReturn {
  const opener = useRef<HTMLElement | null>(null);
  const deleted = useRef(false);
  const lastUnit = useRef(unitId);
  const wasShown = useRef(panelShown);

  useEffect(() => {
    if (unitId !== undefined) lastUnit.current = unitId;
  }, [unitId]);

  useEffect(() => {
    const closed = wasShown.current && !panelShown;
    wasShown.current = panelShown;
    if (!closed) return;
    const back = deleted.current ? null : opener.current;
    const unit = deleted.current ? undefined : lastUnit.current;
    opener.current = null;
    deleted.current = false;
    if (focused() !== null) return;
    const here = view.current;
    const row = unit ? here?.querySelector<HTMLElement>(`[data-opens="${CSS.escape(unit)}"]`) : null;
    const target = back?.isConnected ? back : (row ?? here?.querySelector<HTMLElement>('canvas, table'));
    if (target) focus(target);
  }, [panelShown, view]);

  return {
    rememberOpener: useCallback(() => {
      opener.current = focused();
    }, []),
    unitDeleted: useCallback(() => {
      deleted.current = true;
    }, []),
  };
}
