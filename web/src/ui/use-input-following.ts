import { useState } from 'react';

/**
 * The value of an input the user edits before applying it (a search box, a date field), started from
 * `value` and started again whenever `value` changes from outside — Back, Forward or a shared link
 * changing the address — so the box never shows a search or date other than the one on screen.
 * (React's pattern for state that follows a prop: adjusted while rendering, no effect.)
 */
export function useInputFollowing<T>(value: T): [T, (next: T) => void] {
  const [input, setInput] = useState(value);
  const [followed, setFollowed] = useState(value);
  if (!Object.is(value, followed)) {
    setFollowed(value);
    setInput(value);
  }
  return [input, setInput];
}
