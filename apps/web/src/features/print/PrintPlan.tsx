import { useEffect, useState } from 'react';
import { useEngine, usePlan, useProjections, useT } from '../../app/hooks.ts';
import { useSession } from '../../app/SessionContext.ts';
import type { PlanSection, PlanVersion } from '../../core/docModel.ts';
import { EquityChart } from '../../ui/EquityChart.tsx';
import { useFindingText } from '../../ui/findings/useFindingText.ts';
import { SectionEditor } from '../../ui/text/SectionEditor.tsx';
import { useOutline } from '../../ui/text/useOutline.ts';
import { BudgetTables } from './BudgetTables.tsx';
import { GoalsTables } from './GoalsTables.tsx';
import './print.css';

const dateSv = (d: Date) => d.toLocaleDateString('sv-SE', { year: 'numeric', month: 'long', day: 'numeric' });

/**
 * The whole verksamhetsplan for one scenario, laid out for A4: title page facts (scenario, version,
 * date), every section's text with live figures, the goals after the goals section, and the budget
 * tables, equity chart and findings after the budget section. The server's PDF is this page printed
 * by chromium; `html[data-print-ready]` tells it when everything is on the page.
 */
export function PrintPlan({ scenarioId }: { scenarioId: string | null }) {
  const t = useT();
  const plan = usePlan();
  const projections = useProjections();
  const engine = useEngine();
  const findingText = useFindingText();
  const versions = useSession().versions;
  const sections = useOutline();
  const [version] = useState<PlanVersion | null>(() => versions?.list.get().versions[0] ?? null);
  const scenario = scenarioId === null ? null : plan.scenarios.find((s) => s.id === scenarioId);
  const result = projections?.results.find((r) => r.id === (scenarioId ?? null));
  const current = projections !== null && projections.requestId >= engine.latestRequest();
  const problem =
    scenarioId !== null && !scenario
      ? t('print.unknownScenario', { id: scenarioId })
      : result && !result.ok
        ? (result.errors[0]?.message ?? '')
        : null;

  useEffect(() => {
    const root = document.documentElement;
    if (problem) {
      root.dataset.printError = problem;
      root.dataset.printReady = 'error';
      return;
    }
    if (!current || !result?.ok || sections.length === 0) {
      delete root.dataset.printReady;
      return;
    }
    // Let the editors and the chart paint, and the fonts load, before saying the page is ready.
    let live = true;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (live) root.dataset.printReady = 'true';
        }),
      ),
    );
    return () => {
      live = false;
    };
  }, [problem, current, result, sections.length]);
  useEffect(() => {
    document.title = `${plan.name} – ${t('print.title')}`;
  }, [plan.name, t]);

  if (problem) return <p role="alert">{problem}</p>;
  if (!result?.ok || !versions) return <p role="status">{t('app.computing')}</p>;
  const scenarioName = scenario?.name ?? t('text.baseScenario');
  const hasGoals = sections.some((s) => s.kind === 'goals');
  const hasBudget = sections.some((s) => s.kind === 'budget');
  const budget = (
    <>
      <BudgetTables result={result} />
      <EquityChart results={[result]} size={{ width: 640, height: 300 }} />
      <h3>{t('print.findings')}</h3>
      {result.projection.findings.length === 0 ? (
        <p data-testid="print-findings">{t('print.noFindings')}</p>
      ) : (
        <ul data-testid="print-findings">
          {result.projection.findings.map((f) => (
            <li key={`${f.rule}-${f.year}`}>
              {f.year}: {findingText(f)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  const after = (section: PlanSection) =>
    section.kind === 'goals' ? <GoalsTables /> : section.kind === 'budget' ? budget : null;

  return (
    <article className="print-plan" data-testid="print-plan">
      <header className="print-cover">
        <p className="print-kicker">{t('print.kicker', { from: plan.years[0] ?? '', to: plan.years.at(-1) ?? '' })}</p>
        <h1>{plan.name}</h1>
        <dl>
          <dt>{t('print.scenario')}</dt>
          <dd data-testid="print-scenario">{scenarioName}</dd>
          <dt>{t('print.version')}</dt>
          <dd data-testid="print-version">
            {version
              ? t('print.savedVersion', {
                  name: version.name,
                  date: dateSv(new Date(version.savedAt)),
                  by: version.savedBy,
                })
              : t('print.workingVersion')}
          </dd>
          <dt>{t('print.printed')}</dt>
          <dd>{dateSv(new Date())}</dd>
        </dl>
        <nav aria-label={t('print.contents')} className="print-contents">
          <h2>{t('print.contents')}</h2>
          <ol>
            {sections.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
          </ol>
        </nav>
      </header>
      {sections.map((s, i) => (
        <section key={s.id} className="print-section" aria-labelledby={`print-${s.id}`}>
          <h2 id={`print-${s.id}`}>
            {i + 1}. {s.title}
          </h2>
          <SectionEditor print section={s} editable={false} awareness={null} user={null} highlights={NO_HIGHLIGHTS} />
          {after(s)}
        </section>
      ))}
      {!hasGoals && (
        <section className="print-section">
          <h2>{t('print.goalsAppendix')}</h2>
          <GoalsTables />
        </section>
      )}
      {!hasBudget && (
        <section className="print-section">
          <h2>{t('print.budgetAppendix')}</h2>
          {budget}
        </section>
      )}
    </article>
  );
}
const NO_HIGHLIGHTS: readonly never[] = [];
