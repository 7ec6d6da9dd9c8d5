import type { Change, Plan, Scenario } from '@samplan/engine';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useAnnounce, useEngine, usePlan, useT, useUnit } from '../../app/hooks.ts';
import { useCollab } from '../../app/SessionContext.ts';
import type { Collab } from '../../app/Workspace.tsx';
import { proposalTitle, type Workshop, type WorkshopProposal, type WorkshopScenario } from '../../core/docModel.ts';
import { showAmount, showShare } from '../../format/amounts.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { canComment, canEdit } from '../../session/api.ts';
import { ClosingEquityTable } from '../../ui/ClosingEquityTable.tsx';
import { EquityChart } from '../../ui/EquityChart.tsx';
import { useFindingText } from '../../ui/findings/useFindingText.ts';
import type { ScenarioProjection } from '../../worker/engineApi.ts';
import { useScenarioProjections, useThrottled, useWorkshop, useWorkshopCommands } from './useWorkshop.ts';
import {
  type EsfDecision,
  LEVER_RANGES,
  leverValues,
  percentLabel,
  sameLevers,
  withEsf,
  withIndexation,
  withState,
  withUtilization,
} from './workshopLevers.ts';
import './workshop.css';

type Computed = Extract<ScenarioProjection, { ok: true }>;
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The id the live scenario is projected under (proposals keep their own ids). */
const LIVE_ID = 'live';
/** How often a dragged lever writes the live scenario to everyone. */
const LIVE_WRITE_MS = 150;

/**
 * The strategy day (workshop mode) of a shared plan: the presenter's live scenario that everyone sees
 * change, with its levers as big controls in presenter mode; participants' proposals, votes and pins;
 * two proposals side by side; and saving the pinned ones into the plan with a version.
 */
export function WorkshopView() {
  const collab = useCollab();
  return collab ? <WorkshopScreen collab={collab} /> : null;
}

function WorkshopScreen({ collab }: { collab: Collab }) {
  const t = useT();
  const plan = usePlan();
  const engine = useEngine();
  const unit = useUnit();
  const { provider } = collab.shared;
  const ws = useWorkshopCommands();
  const presents = canEdit(collab.info.role);
  const participates = canComment(collab.info.role);
  const { workshop, invalid } = useWorkshop(ws, plan);
  const [presenterMode, setPresenterMode] = useState(false);

  // The presenter's client creates the workshop's maps, once the document is synced with the server.
  useEffect(() => {
    if (!presents) return;
    const ensure = (synced: boolean) => {
      if (synced) ws.ensure();
    };
    if (provider.synced) ensure(true);
    provider.on('sync', ensure);
    return () => provider.off('sync', ensure);
  }, [presents, ws, provider]);

  const shown = workshop.shown.flatMap((id) => workshop.proposals.filter((p) => p.id === id));
  const sideBySide = shown.length === 2 ? shown : [];
  const scenarios: Scenario[] = [
    { id: LIVE_ID, name: workshop.live?.name ?? t('workshop.liveName'), changes: [...(workshop.live?.changes ?? [])] },
    ...sideBySide.map((p) => ({ id: p.id, name: proposalTitle(p), changes: [...p.changes] })),
  ];
  const results = useScenarioProjections(engine, plan, scenarios);
  const resultOf = (id: string | null) => results?.find((r) => r.id === id);
  const announcement = useAnnouncement(workshop, resultOf(LIVE_ID), sideBySide);

  return (
    <section
      className={presenterMode ? 'workshop presenter' : 'workshop'}
      aria-labelledby="workshop-heading"
      data-testid="workshop"
    >
      <h1 id="workshop-heading">{t('workshop.heading')}</h1>
      {!presenterMode && <p>{t('workshop.intro')}</p>}
      {presents && (
        <p className="presenter-switch">
          <label>
            <input
              type="checkbox"
              checked={presenterMode}
              onChange={(e) => setPresenterMode(e.target.checked)}
              aria-describedby="presenter-help"
              data-testid="presenter-mode"
            />
            {t('workshop.presenterMode')}
          </label>{' '}
          <span id="presenter-help" className="muted">
            {t('workshop.presenterHelp')}
          </span>
        </p>
      )}
      {!participates && <p className="notice">{t('workshop.viewerNote')}</p>}
      {invalid > 0 && <p role="alert">{t('workshop.invalidEntries', { count: invalid })}</p>}
      <p className="visually-hidden" aria-live="polite" data-testid="workshop-announcement">
        {announcement}
      </p>

      <div className="workshop-stage-row">
        {presents && presenterMode && <PresenterLevers live={workshop.live} />}
        {sideBySide.length === 2 ? (
          <SideBySide proposals={sideBySide} results={sideBySide.map((p) => resultOf(p.id))} presents={presents} />
        ) : (
          <LiveStage live={workshop.live} base={resultOf(null)} result={resultOf(LIVE_ID)} unit={unit} />
        )}
      </div>

      {participates && !presenterMode && <ProposalForm collab={collab} />}
      <Proposals collab={collab} workshop={workshop} presents={presents} participates={participates} />
      {presents && <SavePinned collab={collab} pinned={workshop.pinned.length} />}
    </section>
  );
}

/**
 * What changed on the big screen, for screen readers (a polite live region): the live scenario's
 * closing equity, a new proposal, the pair shown side by side.
 */
function useAnnouncement(
  workshop: Workshop,
  live: ScenarioProjection | undefined,
  sideBySide: readonly WorkshopProposal[],
): string {
  const t = useT();
  const plan = usePlan();
  const unit = useUnit();
  const [text, setText] = useState('');
  const lastYear = plan.years.at(-1) ?? 0;
  const closing = live?.ok ? live.projection.years.at(-1)?.closingEquity : undefined;
  const previous = useRef({ closing, proposals: workshop.proposals.length, shown: sideBySide.map((p) => p.id).join() });
  useEffect(() => {
    const before = previous.current;
    const shown = sideBySide.map((p) => p.id).join();
    previous.current = { closing, proposals: workshop.proposals.length, shown };
    const newest = workshop.proposals.at(-1);
    if (workshop.proposals.length > before.proposals && newest)
      setText(t('workshop.newProposal', { title: proposalTitle(newest) }));
    else if (shown !== before.shown && sideBySide.length === 2)
      setText(
        t('workshop.nowShown', {
          first: proposalTitle(sideBySide[0] as WorkshopProposal),
          second: proposalTitle(sideBySide[1] as WorkshopProposal),
        }),
      );
    else if (closing !== undefined && before.closing !== undefined && closing !== before.closing)
      setText(t('workshop.liveChanged', { year: lastYear, amount: showAmount(closing, unit), unit }));
  }, [closing, workshop.proposals, sideBySide, t, lastYear, unit]);
  return text;
}

/** The presenter's levers: each move is shown at once here and written (throttled) as the live scenario. */
function PresenterLevers({ live }: { live: WorkshopScenario | null }) {
  const t = useT();
  const plan = usePlan();
  const announce = useAnnounce();
  const ws = useWorkshopCommands();
  const current = live?.changes ?? NO_CHANGES;
  const [draft, setDraft] = useState<readonly Change[] | null>(null);
  // Once the document has what was set here, show the document again (another presenter may move on).
  // An updater: a lever moved meanwhile (a newer draft) must not be dropped for an older one.
  useEffect(() => {
    setDraft((latest) => (latest && sameLevers(plan, latest, current) ? null : latest));
  }, [current, plan]);
  const write = useThrottled((changes: readonly Change[]) => {
    const written = ws.setLive(plan, { name: t('workshop.liveName'), changes });
    if (!written.ok) announce(written.errors[0]?.message ?? '');
  }, LIVE_WRITE_MS);
  const change = (next: readonly Change[]) => {
    setDraft(next);
    write(next);
  };
  return (
    <section className="workshop-levers" aria-labelledby="workshop-levers-heading">
      <h2 id="workshop-levers-heading">{t('workshop.levers')}</h2>
      <LeverControls changes={draft ?? current} onChange={change} testPrefix="live" />
      <p>
        <button type="button" className="secondary" onClick={() => change([])} data-testid="live-reset">
          {t('workshop.reset')}
        </button>
      </p>
    </section>
  );
}

const NO_CHANGES: readonly Change[] = [];

/** The levers: state allocation, each ESF project, utilization and indexation. */
function LeverControls({
  changes,
  onChange,
  testPrefix,
}: {
  changes: readonly Change[];
  onChange(next: readonly Change[]): void;
  testPrefix: string;
}) {
  const t = useT();
  const plan = usePlan();
  const ids = { state: useId(), utilization: useId(), indexation: useId(), esf: useId() };
  const values = leverValues(plan, changes);
  return (
    <div className="levers">
      <Slider
        id={ids.state}
        label={t('workshop.state', { year: plan.years[0] ?? '' })}
        range={LEVER_RANGES.state}
        value={values.state}
        onChange={(v) => onChange(withState(plan, changes, v))}
        testId={`${testPrefix}-state`}
      />
      {plan.esfProjects.length > 0 && (
        <fieldset className="lever-group">
          <legend>{t('workshop.esf')}</legend>
          {plan.esfProjects.map((p) => (
            <fieldset key={p.id} className="esf-toggle">
              <legend>{p.name}</legend>
              {(['approved', 'rejected'] as const satisfies readonly EsfDecision[]).map((decision) => (
                <label key={decision}>
                  <input
                    type="radio"
                    name={`${ids.esf}-${p.id}`}
                    value={decision}
                    checked={values.esf[p.id] === decision}
                    onChange={() => onChange(withEsf(plan, changes, p.id, decision))}
                    data-testid={`${testPrefix}-esf-${p.id}-${decision}`}
                  />
                  {decision === 'approved' ? t('workshop.esfApproved') : t('workshop.esfRejected')}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
      )}
      <Slider
        id={ids.utilization}
        label={t('workshop.utilization')}
        range={LEVER_RANGES.utilization}
        value={values.utilization}
        onChange={(v) => onChange(withUtilization(plan, changes, v))}
        testId={`${testPrefix}-utilization`}
      />
      <Slider
        id={ids.indexation}
        label={t('workshop.indexation')}
        range={LEVER_RANGES.indexation}
        value={values.indexation}
        onChange={(v) => onChange(withIndexation(plan, changes, v))}
        testId={`${testPrefix}-indexation`}
      />
    </div>
  );
}

function Slider({
  id,
  label,
  range,
  value,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  range: { min: number; max: number; step: number };
  value: number;
  onChange(value: number): void;
  testId: string;
}) {
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <span className="slider-row">
        <input
          id={id}
          type="range"
          min={range.min}
          max={range.max}
          step={range.step}
          value={value}
          aria-valuetext={percentLabel(value)}
          onChange={(e) => onChange(Number(e.target.value))}
          data-testid={testId}
        />
        <output htmlFor={id} data-testid={`${testId}-value`}>
          {percentLabel(value)}
        </output>
      </span>
    </div>
  );
}

/** The presenter's scenario against the base plan: closing equity per year, the chart and the findings. */
function LiveStage({
  live,
  base,
  result,
  unit,
}: {
  live: WorkshopScenario | null;
  base: ScenarioProjection | undefined;
  result: ScenarioProjection | undefined;
  unit: 'tkr' | 'kr';
}) {
  const t = useT();
  const plan = usePlan();
  return (
    <section className="workshop-stage" aria-labelledby="workshop-live-heading" data-testid="workshop-live">
      <h2 id="workshop-live-heading">{t('workshop.live')}</h2>
      <p data-testid="workshop-live-changes">
        {live && live.changes.length > 0 ? describeChanges(t, plan, live.changes) : t('workshop.noLive')}
      </p>
      {!base || !result ? (
        <p>{t('workshop.computing')}</p>
      ) : !result.ok || !base.ok ? (
        <p role="alert">
          {t('workshop.cannotCompute', { message: (!result.ok ? result.errors : []).at(0)?.message ?? '' })}
        </p>
      ) : (
        <>
          <ClosingEquityTable
            rows={[
              { key: 'base', name: t('workshop.base'), result: base },
              { key: 'live', name: result.name, result },
            ]}
            unit={unit}
            testIdPrefix="workshop"
            caption={t('workshop.closingEquity', { unit })}
            className="workshop-equity"
          />
          <EquityChart results={[{ ...base, name: t('workshop.base') }, result]} />
          <Findings result={result} level={3} testId="workshop-live-findings" />
        </>
      )}
    </section>
  );
}

/** Two proposals side by side: closing equity per year, one chart for both, and each one's findings. */
function SideBySide({
  proposals,
  results,
  presents,
}: {
  proposals: readonly WorkshopProposal[];
  results: readonly (ScenarioProjection | undefined)[];
  presents: boolean;
}) {
  const t = useT();
  const plan = usePlan();
  const unit = useUnit();
  const ws = useWorkshopCommands();
  const computed = results.filter((r): r is Computed => r?.ok === true);
  return (
    <section className="workshop-stage" aria-labelledby="workshop-side-heading" data-testid="workshop-side-by-side">
      <h2 id="workshop-side-heading">{t('workshop.sideBySide')}</h2>
      {presents && (
        <p>
          <button type="button" className="secondary" onClick={() => ws.showSideBySide([])} data-testid="back-to-live">
            {t('workshop.backToLive')}
          </button>
        </p>
      )}
      {computed.length < proposals.length ? (
        <p>{t('workshop.computing')}</p>
      ) : (
        <>
          <ClosingEquityTable
            rows={computed.map((result, i) => ({ key: `shown-${i}`, name: result.name, result }))}
            unit={unit}
            testIdPrefix="workshop"
            caption={t('workshop.closingEquity', { unit })}
            className="workshop-equity"
          />
          <EquityChart results={computed} />
          <div className="cards">
            {proposals.map((proposal, i) => {
              const result = computed[i] as Computed;
              return (
                <section
                  key={proposal.id}
                  className="card"
                  aria-labelledby={`shown-${proposal.id}`}
                  data-testid={`workshop-shown-${i}`}
                >
                  <h3 id={`shown-${proposal.id}`}>{proposalTitle(proposal)}</h3>
                  <p>{describeChanges(t, plan, proposal.changes)}</p>
                  <Findings result={result} level={4} testId={`workshop-shown-${i}-findings`} />
                </section>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}

function Findings({ result, level, testId }: { result: Computed; level: 3 | 4; testId: string }) {
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

/** A participant's proposal: the same levers, a name, and "Föreslå". */
function ProposalForm({ collab }: { collab: Collab }) {
  const t = useT();
  const plan = usePlan();
  const announce = useAnnounce();
  const ws = useWorkshopCommands();
  const [changes, setChanges] = useState<readonly Change[]>(NO_CHANGES);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const errorId = useId();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { user } = collab.info;
    const written = ws.propose(plan, { author: { id: user.id, name: user.name }, name, changes });
    if (!written.ok) {
      setError(written.errors[0]?.message ?? t('scenarios.invalid'));
      return;
    }
    setError(null);
    announce(t('workshop.proposed', { name: name.trim() }));
    setName('');
    setChanges(NO_CHANGES);
  };
  return (
    <section className="workshop-propose" aria-labelledby="workshop-propose-heading">
      <h2 id="workshop-propose-heading">{t('workshop.proposeHeading')}</h2>
      <p>{t('workshop.proposeHelp')}</p>
      <form onSubmit={onSubmit}>
        <LeverControls changes={changes} onChange={setChanges} testPrefix="draft" />
        <div className="field">
          <label htmlFor={nameId}>{t('workshop.proposalName')}</label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            data-testid="proposal-name"
          />
        </div>
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" data-testid="propose">
          {t('workshop.propose')}
        </button>
      </form>
    </section>
  );
}

/** Every proposal with its votes; the presenter pins and picks two to show side by side. */
function Proposals({
  collab,
  workshop,
  presents,
  participates,
}: {
  collab: Collab;
  workshop: Workshop;
  presents: boolean;
  participates: boolean;
}) {
  const t = useT();
  const plan = usePlan();
  const ws = useWorkshopCommands();
  const userId = collab.info.user.id;
  const [picked, setPicked] = useState<readonly string[]>(() => workshop.shown);
  const chosen = picked.filter((id) => workshop.proposals.some((p) => p.id === id));
  const votesText = (count: number) =>
    count === 1 ? t('workshop.oneVote') : t('workshop.votes', { count: count.toLocaleString('sv-SE') });
  return (
    <section className="workshop-proposals" aria-labelledby="workshop-proposals-heading">
      <h2 id="workshop-proposals-heading">
        {t('workshop.proposals')} ({workshop.proposals.length})
      </h2>
      {workshop.proposals.length === 0 ? (
        <p>{t('workshop.noProposals')}</p>
      ) : (
        <ul className="proposal-list">
          {workshop.proposals.map((p) => {
            const title = proposalTitle(p);
            const voters = workshop.votes.get(p.id) ?? [];
            const mine = voters.includes(userId);
            const pinned = workshop.pinned.includes(p.id);
            const isPicked = chosen.includes(p.id);
            return (
              <li key={p.id} className={pinned ? 'proposal pinned' : 'proposal'} data-testid="proposal">
                <p className="proposal-title">
                  <strong>{title}</strong>
                  {pinned && <span className="badge">{t('workshop.pinnedBadge')}</span>}
                </p>
                <p className="proposal-changes">{describeChanges(t, plan, p.changes)}</p>
                <p className="proposal-actions">
                  <span data-testid="proposal-votes" data-count={voters.length}>
                    {votesText(voters.length)}
                  </span>
                  {participates && (
                    <button
                      type="button"
                      className={mine ? '' : 'secondary'}
                      aria-pressed={mine}
                      onClick={() => (mine ? ws.unvote(p.id, userId) : ws.vote(p.id, userId))}
                      data-testid="proposal-vote"
                    >
                      {t('workshop.vote')}
                      <span className="visually-hidden">: {title}</span>
                    </button>
                  )}
                  {presents && (
                    <button
                      type="button"
                      className={pinned ? '' : 'secondary'}
                      aria-pressed={pinned}
                      onClick={() => (pinned ? ws.unpin(p.id) : ws.pin(p.id))}
                      data-testid="proposal-pin"
                    >
                      {t('workshop.pin')}
                      <span className="visually-hidden">: {title}</span>
                    </button>
                  )}
                  {presents && (
                    <label>
                      <input
                        type="checkbox"
                        checked={isPicked}
                        disabled={!isPicked && chosen.length >= 2}
                        onChange={(e) =>
                          setPicked(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))
                        }
                        data-testid="proposal-pick"
                      />
                      {t('workshop.pick')}
                      <span className="visually-hidden">: {title}</span>
                    </label>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {presents && workshop.proposals.length > 0 && (
        <p>
          <button
            type="button"
            disabled={chosen.length !== 2}
            aria-describedby={chosen.length !== 2 ? 'pick-two' : undefined}
            onClick={() => ws.showSideBySide(chosen)}
            data-testid="show-side-by-side"
          >
            {t('workshop.showSideBySide')}
          </button>{' '}
          {chosen.length !== 2 && (
            <span id="pick-two" className="muted">
              {t('workshop.pickTwo')}
            </span>
          )}
        </p>
      )}
    </section>
  );
}

/** Saves the pinned proposals into the plan, with a named version. */
function SavePinned({ collab, pinned }: { collab: Collab; pinned: number }) {
  const t = useT();
  const plan = usePlan();
  const announce = useAnnounce();
  const ws = useWorkshopCommands();
  const [name, setName] = useState(() =>
    t('workshop.defaultVersion', { date: new Date().toLocaleDateString('sv-SE') }),
  );
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const nameId = useId();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const saved = ws.savePinned(plan, { versionName: name, savedBy: collab.info.user.name });
    if (!saved.ok) {
      const [first] = saved.errors;
      setResult({
        ok: false,
        text: first?.code === 'nothing-pinned' ? t('workshop.nothingPinned') : (first?.message ?? ''),
      });
      return;
    }
    const text = t('workshop.saved', { count: saved.scenarios.length, name: name.trim() });
    setResult({ ok: true, text });
    announce(text);
  };
  return (
    <section className="workshop-save" aria-labelledby="workshop-save-heading">
      <h2 id="workshop-save-heading">{t('workshop.save')}</h2>
      <p>{t('workshop.saveHelp')}</p>
      <p data-testid="workshop-pinned-count">{t('workshop.pinnedCount', { count: pinned })}</p>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={nameId}>{t('workshop.versionName')}</label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            data-testid="workshop-version-name"
          />
        </div>
        <button type="submit" data-testid="workshop-save">
          {t('workshop.save')}
        </button>
      </form>
      {result && (
        <p
          role={result.ok ? undefined : 'alert'}
          className={result.ok ? 'notice' : 'error'}
          data-testid="workshop-saved"
        >
          {result.text}
        </p>
      )}
    </section>
  );
}

/** The changes in words: "Statens bidrag −10 % från 2023, LANDA avslås, …". */
function describeChanges(t: Translate, plan: Plan, changes: readonly Change[]): string {
  if (changes.length === 0) return t('workshop.noChanges');
  const parts: string[] = [];
  let other = 0;
  for (const c of changes) {
    if (c.type === 'state-allocation' && c.rate !== undefined)
      parts.push(t('workshop.change.state', { rate: showShare(c.rate, 0), year: c.fromYear }));
    else if (c.type === 'esf-decision')
      parts.push(
        t('workshop.change.esf', {
          project: plan.esfProjects.find((p) => p.id === c.project)?.name ?? c.project,
          decision: (c.decision === 'rejected' ? t('workshop.esfRejected') : t('workshop.esfApproved')).toLowerCase(),
        }),
      );
    else if (c.type === 'utilization' && c.line === undefined)
      parts.push(t('workshop.change.utilization', { rate: showShare(c.rate, 0) }));
    else if (c.type === 'indexation') parts.push(t('workshop.change.indexation', { rate: showShare(c.rate, 1) }));
    else other++;
  }
  if (other > 0) parts.push(t('workshop.change.other', { count: other }));
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
