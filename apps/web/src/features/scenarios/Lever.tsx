import type { ReactNode } from 'react';

/** One group of levers under its legend. */
export function Lever({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="lever">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
