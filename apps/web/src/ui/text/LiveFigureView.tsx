import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { usePlan, useProjections, useT } from '../../app/hooks.ts';
import { figureLabel } from './figureLabel.ts';
import { figureValue, readFigureRef } from './figureValue.ts';

/** A live figure in the text: the engine's current value, with what it is in the tooltip. */
export function LiveFigureView({ node, selected }: ReactNodeViewProps) {
  const projections = useProjections();
  const plan = usePlan();
  const t = useT();
  const ref = readFigureRef(node.attrs);
  const value = figureValue(ref, projections);
  const label = figureLabel(ref, plan, t);
  return (
    <NodeViewWrapper
      as="span"
      className={`live-figure${selected ? ' selected' : ''}${value.ok ? '' : ' missing'}`}
      data-testid="live-figure"
      data-figure={ref.figure}
      title={label}
    >
      {value.ok ? value.text : value.reason === 'computing' ? '…' : t('text.figureMissing')}
    </NodeViewWrapper>
  );
}
