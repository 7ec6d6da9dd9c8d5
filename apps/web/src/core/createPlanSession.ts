import { type EsfProject, fail, type Plan, type Result, type RevenueLine } from '@samplan/engine';
import type { PlanEdit, PlanStore } from '@samplan/plan-store';
import type { Unit } from '../format/amounts.ts';
import { type Language, translate } from '../i18n/messages.ts';
import type { EngineClient } from '../worker/createEngineClient.ts';
import type { ProjectResponse } from '../worker/engineApi.ts';
import { applyBatch } from './applyBatch.ts';
import type { Presence } from './collab/createPresence.ts';
import { type CommentCommands, createCommentCommands } from './comments/createCommentCommands.ts';
import type { DocBinding } from './docBinding.ts';
import { docLayoutMappingMemory, type LayoutMappingMemory } from './import/docLayoutMappingMemory.ts';
import { createValueStore, type Store, type ValueStore } from './store.ts';
import { createTextCommands, type TextCommands } from './text/createTextCommands.ts';
import { docStorage } from './uncertainty/docStorage.ts';
import { createVersionCommands, type VersionCommands } from './versions/createVersionCommands.ts';
import { createWorkshopCommands, type WorkshopCommands } from './workshop/createWorkshopCommands.ts';

/** The UI's settings: the unit amounts are shown in, and the language. */
export interface Settings {
  readonly unit: Unit;
  readonly language: Language;
}

/** The settings store: read, hear, and change one setting (remembered in this browser). */
export interface SettingsStore extends Store<Settings> {
  setUnit(unit: Unit): void;
  setLanguage(language: Language): void;
}

/** The budget's multi-step changes, each one transaction. */
export interface BudgetCommands {
  /** Adds an ESF project and its revenue line together: both, or neither. */
  addEsfProject(project: EsfProject, line: RevenueLine): Result<Plan>;
}

/** The plan's years, each one edit and its own undo step in a shared plan (not merged with an edit made just before). */
export interface YearCommands {
  add(): Result<Plan>;
  /** Removes the first year; the plan's opening equity becomes `openingEquity`. */
  dropFirst(openingEquity: string | null): Result<Plan>;
  shift(by: number): Result<Plan>;
}

/** Importing a budget into the plan. */
export interface ImportCommands {
  /** Puts the imported plan in place of the current one: one edit, its own undo step in a shared plan. */
  replacePlan(plan: Plan): Result<Plan>;
  /**
   * Where a shared plan keeps the reviewed mapping of its budget sheet (its document, for every
   * member; written only by those who may edit); null for the local plan, which keeps it in this browser.
   */
  readonly layoutMapping: LayoutMappingMemory | null;
}

/**
 * One opened plan without React: small stores, each `get`/`subscribe`, so a view that reads one
 * re-renders only when that one changes, and typed command maps. The document's commands are null
 * when the plan is not shared (the local demo).
 */
export interface PlanSession {
  readonly plan: Store<Plan>;
  /** The newest projection of the base plan and every scenario; null until the first arrives. */
  readonly projections: Store<ProjectResponse | null>;
  /** The message announced last (the status line, read by screen readers). */
  readonly status: ValueStore<string>;
  readonly settings: SettingsStore;
  /** Who else is in the shared plan (null in the local demo). */
  readonly presence: Presence | null;
  readonly engine: EngineClient;
  /** True when this person may not change the plan (viewer, commenter, or an opened version). */
  readonly readOnly: boolean;
  /** Applies an edit if the plan stays valid; otherwise nothing changes and the issues come back. */
  apply(edit: PlanEdit): Result<Plan>;
  /** Applies several edits as one change (all or none); see `applyBatch`. */
  batch(edits: readonly PlanEdit[]): Result<Plan>;
  readonly budget: BudgetCommands;
  readonly years: YearCommands;
  readonly imports: ImportCommands;
  /**
   * Where a shared plan keeps its uncertainty models (its document: the same for everyone, written
   * only by those who may edit); null for the local plan, which keeps them in this browser.
   */
  readonly uncertaintyStorage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly comments: CommentCommands | null;
  readonly text: TextCommands | null;
  readonly versions: VersionCommands | null;
  readonly workshop: WorkshopCommands | null;
  /**
   * Starts projecting: every plan change is sent to the worker straight from the store's
   * notification (so the worker computes while the main thread renders), the newest result wins.
   * Returns how to stop.
   */
  start(): () => void;
}

/** What a session is made of: the plan's store, the engine worker's client, and the shared document if any. */
export interface PlanSessionOptions {
  store: PlanStore;
  engine: EngineClient;
  doc?: (DocBinding & { readonly presence?: Presence; readonly undoManager?: { stopCapturing(): void } }) | null;
  readOnly?: boolean;
  /** Where the settings are remembered (localStorage in a browser). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

const readSetting = <T extends string>(
  storage: PlanSessionOptions['storage'],
  key: string,
  allowed: readonly T[],
  fallback: T,
): T => {
  const value = storage?.getItem(key);
  return allowed.includes(value as T) ? (value as T) : fallback;
};

/** Creates the session of one opened plan. */
export function createPlanSession({
  store,
  engine,
  doc = null,
  readOnly = false,
  storage = globalThis.localStorage,
}: PlanSessionOptions): PlanSession {
  const plan: Store<Plan> = { get: store.getPlan, subscribe: store.subscribe };
  const projections = createValueStore<ProjectResponse | null>(null);
  const status = createValueStore('');
  const settingsValue = createValueStore<Settings>({
    unit: readSetting(storage, 'samplan.unit', ['tkr', 'kr'], 'tkr'),
    language: readSetting(storage, 'samplan.language', ['sv', 'en'], 'sv'),
  });
  const settings: SettingsStore = {
    get: settingsValue.get,
    subscribe: settingsValue.subscribe,
    setUnit(unit) {
      settingsValue.set({ ...settingsValue.get(), unit });
      storage?.setItem('samplan.unit', unit);
    },
    setLanguage(language) {
      settingsValue.set({ ...settingsValue.get(), language });
      storage?.setItem('samplan.language', language);
    },
  };
  const refuse = () =>
    fail({ code: 'read-only', message: translate(settingsValue.get().language, 'collab.readOnlyRefusal') });
  const apply = (edit: PlanEdit): Result<Plan> => {
    if (readOnly) return refuse();
    performance.mark('samplan:edit');
    return store.apply(edit);
  };
  const batch = (edits: readonly PlanEdit[]): Result<Plan> => {
    if (readOnly) return refuse();
    performance.mark('samplan:edit');
    return applyBatch(store, edits, doc);
  };

  /** One edit as its own undo step in a shared plan. */
  const ownStep = (edit: PlanEdit): Result<Plan> => {
    doc?.undoManager?.stopCapturing();
    const result = apply(edit);
    doc?.undoManager?.stopCapturing();
    return result;
  };

  return {
    plan,
    projections,
    status,
    settings,
    presence: doc?.presence ?? null,
    engine,
    readOnly,
    apply,
    batch,
    budget: {
      addEsfProject: (project, line) =>
        batch([
          { type: 'put-esf-project', project },
          { type: 'add-line', collection: 'revenues', line },
        ]),
    },
    years: {
      add: () => ownStep({ type: 'add-year' }),
      dropFirst: (openingEquity) => ownStep({ type: 'drop-first-year', openingEquity }),
      shift: (by) => ownStep({ type: 'shift-years', by }),
    },
    imports: {
      replacePlan: (next) => ownStep({ type: 'replace-plan', plan: next }),
      layoutMapping: doc && docLayoutMappingMemory(doc.doc, doc.origin, !readOnly),
    },
    uncertaintyStorage: doc && docStorage(doc.doc, doc.origin, !readOnly),
    comments: doc && createCommentCommands(doc),
    text: doc && createTextCommands(doc),
    versions: doc && createVersionCommands(doc),
    workshop: doc && createWorkshopCommands(doc),
    start() {
      const stopResults = engine.onResult(projections.set);
      const request = () => {
        const current = store.getPlan();
        const id = engine.project(
          current,
          current.scenarios.map((s) => s.id),
        );
        performance.mark('samplan:requested', { detail: id });
      };
      request();
      const stopPlan = store.subscribe(request);
      return () => {
        stopPlan();
        stopResults();
      };
    },
  };
}
