import { Fragment } from 'react';

/**
 * A name whose parts are joined by slashes („Mühlhausen/Thüringen“, „Bad Frankenhausen/Kyffhäuser“),
 * with a line-break opportunity after each slash: at 320 CSS px it breaks there rather than inside a
 * word („Mühlhausen/Thürin|gen“), as `overflow-wrap: anywhere` alone would break it.
 */
export function BreakableName({ name }: { name: string }) {
  const parts = name.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
