import { useT } from '../../app/hooks.ts';
import { useFindingText } from '../../ui/findings/useFindingText.ts';
import type { ScenarioProjection } from '../../worker/engineApi.ts';

type Computed = Extract<ScenarioProjection, { ok: true }>;

/** A projection's findings in the reader's language, under a heading of the given level. */
export function Findings({ result, level, testId }: { result: Computed; level: 3 | 4; testId: string }) {
  const t = useT();
  const findingText = useFindingText();
  const Heading = level === 3 ? 'h3' : 'h4';
  const { findings } = result.projection;
  return (
    <div className="workshop-findings" data-testid={testId}>
      <Heading>{t('workshop.findings')}</Heading>
      {findings.length === 0 ? (
        <p>{t('workshop.noFindings')}</p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={`${f.rule}-${f.year}`} className={f.severity === 'error' ? 'error' : 'warning'}>
              {findingText(f)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
