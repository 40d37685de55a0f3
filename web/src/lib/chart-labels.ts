/**
 * Town names as chart labels. A chart has room for about so many characters next to an axis or a
 * point; a longer name is shortened – to its part before „/“ („Bad Frankenhausen/Kyffhäuser“ →
 * „Bad Frankenhausen“) when that fits, else cut with „…“. The full name stays in the chart's tooltip,
 * its summary sentence and its table.
 */
export function shortLabel(name: string, maxChars: number): string {
  if (name.length <= maxChars) return name;
  const beforeSlash = name.split('/')[0]!.trim();
  if (beforeSlash.length <= maxChars && beforeSlash.length > 0) return beforeSlash;
  return `${name.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

let context: CanvasRenderingContext2D | null | undefined;

/**
 * Width in px of the widest label at `fontSize` in the page's font (measured on a canvas), in bold
 * where asked. Where there is no canvas (unit tests), an estimate of 0.62 em per character (0.7 in
 * bold), on the generous side.
 */
export function widestLabel(
  labels: readonly string[],
  fontSize: number,
  weight: 'normal' | 'bold' = 'normal',
): number {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (context) {
    const family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
    context.font = `${weight} ${fontSize}px ${family}`;
    return Math.ceil(Math.max(0, ...labels.map((l) => context!.measureText(l).width)));
  }
  const perChar = weight === 'bold' ? 0.7 : 0.62;
  return Math.ceil(Math.max(0, ...labels.map((l) => l.length)) * fontSize * perChar);
}
