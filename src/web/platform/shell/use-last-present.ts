import { useRef } from "react";

/**
 * The last non-null value. A dialog keeps showing its record (and its accessible name)
 * during the closing animation, after the page has already cleared the selection.
 */
export function useLastPresent<T>(value: T | null): T | null {
  const last = useRef(value);
  if (value !== null) last.current = value;
  return last.current;
}
