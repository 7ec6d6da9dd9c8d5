import type { Change, CostLine, Scenario } from '@samplan/engine';
import { type ReactNode, useId, useState } from 'react';
import { useAnnounce, useApply, usePlan, useT, useUnit } from '../../app/hooks.ts';
import { percentText, readAmount, readPercent } from '../../format/amounts.ts';
import { findChange, nextScenarioId, setChange } from '../../ui/scenarioLevers.ts';

/** Lists the plan's scenarios and edits the chosen one through its levers. */
export function ScenariosView() {
  const t = useT();
  const plan = usePlan();
  const apply = useApply();
  const announce = useAnnounce();
  const [selected, setSelected] = useState<string | null>(plan.scenarios[0]?.id ?? null);
  const scenario = plan.scenarios.find((s) => s.id === selected) ?? plan.scenarios[0];

  const put = (next: Scenario) => {
    const result = apply({ type: 'put-scenario', scenario: next });
    if (!result.ok) announce(result.errors[0]?.message ?? t('scenarios.invalid'));
    return result.ok;
  };
  const create = (from?: Scenario) => {
    const id = nextScenarioId(plan.scenarios);
    const next: Scenario = from
      ? { ...from, id, name: `${from.name} (kopia)` }
      : { id, name: `${t('scenarios.new')} ${plan.scenarios.length + 1}`, changes: [] };
    if (put(next)) setSelected(id);
  };

  return (
    <section aria-labelledby="scenarios-heading">
      <h1 id="scenarios-heading">{t('scenarios.heading')}</h1>
      <p>
        <button type="button" onClick={() => create()} data-testid="new-scenario">
          {t('scenarios.new')}
        </button>
      </p>
      {plan.scenarios.length === 0 ? (
        <p>{t('scenarios.none')}</p>
      ) : (
        <ul className="scenario-list" aria-label={t('scenarios.heading')}>
          {plan.scenarios.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === scenario?.id ? '' : 'secondary'}
                aria-pressed={s.id === scenario?.id}
                onClick={() => setSelected(s.id)}
                data-testid={`scenario-${s.id}`}
              >
                {s.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {scenario && (
        <ScenarioEditor
          key={scenario.id}
          scenario={scenario}
          put={put}
          duplicate={() => create(scenario)}
          remove={() => {
            apply({ type: 'remove-scenario', id: scenario.id });
            setSelected(null);
          }}
        />
      )}
    </section>
  );
}

function ScenarioEditor({
  scenario,
  put,
  duplicate,
  remove,
}: {
  scenario: Scenario;
  put(s: Scenario): boolean;
  duplicate(): void;
  remove(): void;
}) {
  const t = useT();
  const plan = usePlan();
  const ids = {
    name: useId(),
    basedOn: useId(),
    slider: useId(),
    exact: useId(),
    from: useId(),
    util: useId(),
    index: useId(),
  };
  const state = findChange(scenario, 'state-allocation');
  const firstYear = plan.years[0] ?? 0;
  const setState = (rate: string | null, fromYear = state?.fromYear ?? firstYear, matching = state?.matching ?? true) =>
    put(
      setChange(
        scenario,
        (c) => c.type === 'state-allocation',
        rate === null || rate === '0' ? null : { type: 'state-allocation', rate, fromYear, matching },
      ),
    );
  const statePercent = state?.rate ? percentText(state.rate) : '0';
  const utilization = findChange(scenario, 'utilization', (c) => c.line === undefined);
  const indexation = findChange(scenario, 'indexation');
  const costLines = plan.costs;

  return (
    <div className="scenario-editor" data-testid="scenario-editor">
      <h2>{scenario.name}</h2>
      <div className="field">
        <label htmlFor={ids.name}>{t('scenarios.name')}</label>
        <TextField
          id={ids.name}
          value={scenario.name}
          testId="scenario-name"
          commit={(name) => (name.trim() ? put({ ...scenario, name: name.trim() }) : false)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.basedOn}>{t('scenarios.basedOn')}</label>
        <select
          id={ids.basedOn}
          value={scenario.basedOn ?? ''}
          onChange={(e) => put({ ...scenario, basedOn: e.target.value || undefined })}
        >
          <option value="">Grundplan</option>
          {plan.scenarios
            .filter((s) => s.id !== scenario.id)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      </div>
      <p>
        <button type="button" className="secondary" onClick={duplicate}>
          {t('scenarios.duplicate')}
        </button>{' '}
        <button type="button" className="secondary" onClick={remove}>
          {t('scenarios.remove')}
        </button>
      </p>

      <Lever legend={t('scenarios.state')}>
        <div className="field">
          <label htmlFor={ids.slider}>{t('scenarios.stateChange')}</label>
          <input
            id={ids.slider}
            type="range"
            min={-30}
            max={10}
            step={0.5}
            value={Number(statePercent.replace(',', '.'))}
            aria-valuetext={`${statePercent} %`}
            onChange={(e) => setState(readPercent(e.target.value))}
            data-testid="state-slider"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.exact}>{t('scenarios.stateChange')} – exakt</label>
          <TextField
            id={ids.exact}
            value={statePercent}
            testId="state-exact"
            commit={(text) => {
              const rate = readPercent(text);
              return rate !== null && Number(rate) >= -1 && setState(rate);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('scenarios.fromYear')}</label>
          <select
            id={ids.from}
            value={state?.fromYear ?? firstYear}
            onChange={(e) => setState(state?.rate ?? null, Number(e.target.value))}
            data-testid="state-from"
          >
            {plan.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input
            type="checkbox"
            checked={state?.matching ?? true}
            onChange={(e) => setState(state?.rate ?? null, state?.fromYear, e.target.checked)}
            data-testid="state-matching"
          />
          {t('scenarios.matching')}
        </label>
      </Lever>

      {plan.esfProjects.length > 0 && (
        <Lever legend={t('scenarios.esf')}>
          {plan.esfProjects.map((p) => {
            const decision = findChange(scenario, 'esf-decision', (c) => c.project === p.id);
            const mode = !decision
              ? 'plan'
              : decision.decision === 'rejected'
                ? 'rejected'
                : decision.share !== undefined
                  ? 'share'
                  : 'approved';
            const setEsf = (next: Change | null) =>
              put(setChange(scenario, (c) => c.type === 'esf-decision' && c.project === p.id, next));
            const base = { type: 'esf-decision' as const, project: p.id, scaleCosts: false, keepLines: [] as string[] };
            return (
              <div key={p.id} className="field">
                <label htmlFor={`esf-${p.id}`}>{p.name}</label>
                <select
                  id={`esf-${p.id}`}
                  value={mode}
                  data-testid={`esf-${p.id}`}
                  onChange={(e) => {
                    const v = e.target.value;
                    if (v === 'plan') setEsf(null);
                    else if (v === 'rejected') setEsf({ ...base, decision: 'rejected' });
                    else if (v === 'approved') setEsf({ ...base, decision: 'approved' });
                    else setEsf({ ...base, decision: 'approved', share: '0.5' });
                  }}
                >
                  <option value="plan">{t('scenarios.esfAsPlanned')}</option>
                  <option value="approved">{t('scenarios.esfApproved')}</option>
                  <option value="rejected">{t('scenarios.esfRejected')}</option>
                  <option value="share">{t('scenarios.esfShare')}</option>
                </select>
                {mode === 'share' && decision?.share !== undefined && (
                  <span className="field">
                    <label htmlFor={`esf-share-${p.id}`}>{t('scenarios.share')}</label>
                    <TextField
                      id={`esf-share-${p.id}`}
                      value={percentText(decision.share)}
                      commit={(text) => {
                        const share = readPercent(text);
                        return (
                          share !== null &&
                          Number(share) >= 0 &&
                          Number(share) <= 1 &&
                          setEsf({ ...base, decision: 'approved', share })
                        );
                      }}
                    />
                  </span>
                )}
              </div>
            );
          })}
        </Lever>
      )}

      <Lever legend={`${t('scenarios.utilization')} / ${t('scenarios.indexation')}`}>
        <div className="field">
          <label htmlFor={ids.util}>{t('scenarios.utilization')}</label>
          <TextField
            id={ids.util}
            value={utilization ? percentText(utilization.rate) : ''}
            testId="utilization"
            placeholder={percentText(plan.assumptions.utilization)}
            commit={(text) => {
              if (text.trim() === '')
                return put(setChange(scenario, (c) => c.type === 'utilization' && c.line === undefined, null));
              const rate = readPercent(text);
              return (
                rate !== null &&
                Number(rate) >= 0 &&
                Number(rate) <= 1 &&
                put(
                  setChange(scenario, (c) => c.type === 'utilization' && c.line === undefined, {
                    type: 'utilization',
                    rate,
                  }),
                )
              );
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.index}>{t('scenarios.indexation')}</label>
          <TextField
            id={ids.index}
            value={indexation ? percentText(indexation.rate) : ''}
            placeholder={percentText(plan.assumptions.indexation)}
            commit={(text) => {
              if (text.trim() === '') return put(setChange(scenario, (c) => c.type === 'indexation', null));
              const rate = readPercent(text);
              return (
                rate !== null &&
                Math.abs(Number(rate)) <= 0.5 &&
                put(setChange(scenario, (c) => c.type === 'indexation', { type: 'indexation', rate }))
              );
            }}
          />
        </div>
      </Lever>

      <InsatsLevers scenario={scenario} put={put} lines={costLines} />

      <NewInsats scenario={scenario} put={put} />
    </div>
  );
}

function Lever({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="lever">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A text input that keeps what was typed until it is valid: commit on Enter or blur. */
function TextField({
  id,
  value,
  commit,
  testId,
  placeholder,
}: {
  id?: string;
  value: string;
  commit(text: string): boolean;
  testId?: string;
  placeholder?: string;
}) {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const errorId = useId();
  const save = () => {
    if (text === null) return;
    if (commit(text)) {
      setText(null);
      setInvalid(false);
    } else setInvalid(true);
  };
  return (
    <span className="text-field">
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text ?? value}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') {
            setText(null);
            setInvalid(false);
          }
        }}
      />
      {invalid && (
        <span id={errorId} className="error" role="alert">
          {t('scenarios.invalid')}
        </span>
      )}
    </span>
  );
}

const INSATS_ACTIONS = ['insats-stop', 'insats-scale', 'insats-extend'] as const;

function InsatsLevers({
  scenario,
  put,
  lines,
}: {
  scenario: Scenario;
  put(s: Scenario): boolean;
  lines: readonly CostLine[];
}) {
  const t = useT();
  const plan = usePlan();
  const [line, setLine] = useState(lines[0]?.id ?? '');
  const [action, setAction] = useState<(typeof INSATS_ACTIONS)[number]>('insats-stop');
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const ids = { line: useId(), action: useId() };
  const edits = scenario.changes.filter(
    (c) => c.type === 'insats-stop' || c.type === 'insats-scale' || c.type === 'insats-extend',
  );
  const labelOf = (a: string) =>
    a === 'insats-stop'
      ? t('scenarios.stopFrom')
      : a === 'insats-scale'
        ? t('scenarios.scale')
        : t('scenarios.extendUntil');
  const add = () => {
    let change: Change | null = null;
    if (action === 'insats-scale') {
      const share = readPercent(value);
      if (share !== null && Number(share) >= 0) change = { type: 'insats-scale', line, share };
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
      change =
        action === 'insats-stop'
          ? { type: 'insats-stop', line, from: value.trim() }
          : { type: 'insats-extend', line, until: value.trim() };
    }
    if (!change || !put({ ...scenario, changes: [...scenario.changes, change] })) {
      setError(true);
      return;
    }
    setError(false);
    setValue('');
  };
  return (
    <Lever legend={t('scenarios.insatser')}>
      {edits.length > 0 && (
        <ul>
          {edits.map((c) => {
            const name = plan.costs.find((l) => 'line' in c && l.id === c.line)?.name ?? '';
            const what =
              c.type === 'insats-stop'
                ? `${labelOf(c.type)} ${c.from}`
                : c.type === 'insats-extend'
                  ? `${labelOf(c.type)} ${c.until}`
                  : c.type === 'insats-scale'
                    ? `${labelOf(c.type)} ${percentText(c.share)} %`
                    : '';
            return (
              <li key={`${c.type}-${name}-${what}`}>
                {name}: {what}{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => put({ ...scenario, changes: scenario.changes.filter((x) => x !== c) })}
                >
                  {t('scenarios.remove')} <span className="visually-hidden">{`${name} ${what}`}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="field">
        <label htmlFor={ids.line}>{t('budget.line')}</label>
        <select id={ids.line} value={line} onChange={(e) => setLine(e.target.value)}>
          {lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.action}>Åtgärd</label>
        <select
          id={ids.action}
          value={action}
          onChange={(e) => setAction(e.target.value as (typeof INSATS_ACTIONS)[number])}
        >
          {INSATS_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {labelOf(a)}
            </option>
          ))}
        </select>
      </div>
      <LabelledInput
        label={action === 'insats-scale' ? t('scenarios.share') : 'ÅÅÅÅ-MM-DD'}
        value={value}
        onChange={setValue}
        error={error ? t('scenarios.invalid') : null}
      />
      <button type="button" className="secondary" onClick={add}>
        {t('scenarios.add')}
      </button>
    </Lever>
  );
}

function NewInsats({ scenario, put }: { scenario: Scenario; put(s: Scenario): boolean }) {
  const t = useT();
  const plan = usePlan();
  const unit = useUnit();
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState(false);
  const added = scenario.changes.filter((c): c is Extract<Change, { type: 'insats-new' }> => c.type === 'insats-new');
  const add = () => {
    const kronor = readAmount(amount, unit);
    if (!name.trim() || kronor === null) {
      setError(true);
      return;
    }
    const id = `${scenario.id}-ny-${added.length + 1}`;
    const amounts = Object.fromEntries(plan.years.map((y) => [String(y), kronor.replace('-', '')]));
    const ok = put({
      ...scenario,
      changes: [
        ...scenario.changes,
        {
          type: 'insats-new',
          line: { id, name: name.trim(), category: 'individual', amount: { type: 'yearly', amounts } },
        },
      ],
    });
    setError(!ok);
    if (ok) {
      setName('');
      setAmount('');
    }
  };
  return (
    <Lever legend={t('scenarios.newInsats')}>
      {added.length > 0 && (
        <ul>
          {added.map((c) => (
            <li key={c.line.id}>
              {c.line.name}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => put({ ...scenario, changes: scenario.changes.filter((x) => x !== c) })}
              >
                {t('scenarios.remove')} <span className="visually-hidden">{c.line.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <LabelledInput label={t('scenarios.newInsatsName')} value={name} onChange={setName} error={null} />
      <LabelledInput
        label={`${t('scenarios.newInsatsAmount')} (${unit})`}
        value={amount}
        onChange={setAmount}
        inputMode="decimal"
        error={error ? t('scenarios.invalid') : null}
      />
      <button type="button" className="secondary" onClick={add}>
        {t('scenarios.add')}
      </button>
    </Lever>
  );
}

/** A labelled text field whose error message, when shown, is tied to the input for screen readers. */
function LabelledInput({
  label,
  value,
  onChange,
  error,
  inputMode,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | null;
  inputMode?: 'decimal';
}) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        inputMode={inputMode}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error !== null || undefined}
        aria-describedby={error !== null ? errorId : undefined}
      />
      {error !== null && (
        <span id={errorId} className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
