import type { LayoutMapping, RowRole } from '@samplan/budget-layout';
import type { Plan } from '@samplan/engine';
import { useCallback, useRef, useState } from 'react';
import type { EngineClient } from '../../worker/createEngineClient.ts';
import type { ImportOutcome, ImportRequest, ImportUnit } from '../../worker/importApi.ts';
import type { RoleOrigin } from './LayoutReview.tsx';
import type { LayoutMappingMemory } from './layoutMappingMemory.ts';
import { mappingToReview } from './layoutMappingMemory.ts';

/** Where the import is: nothing chosen, reading, asking the unit, reviewing a layout, or refused. */
export type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'unit'; outcome: Extract<ImportOutcome, { kind: 'needs-unit' }> }
  | {
      step: 'review';
      outcome: Extract<ImportOutcome, { kind: 'layout' }>;
      mapping: LayoutMapping;
      origins: ReadonlyMap<string, RoleOrigin>;
    }
  | { step: 'refused'; outcome: Extract<ImportOutcome, { kind: 'refused' }> };

/** The notes of the file being imported (how it was read), shown beside every step. */
export type ImportNotes = Pick<ImportOutcome, 'file' | 'encoding' | 'notes' | 'noteReasons'> | null;

/**
 * The import as a small state machine over the worker: a chosen file is inspected; a plan in the
 * machine format goes to `onPlan` at once; a missing unit is asked; a sheet laid out as printed is
 * reviewed (from the saved mapping when the layout is known). The file's bytes stay here, so a
 * chosen unit or sheet reads it again; nothing reaches the plan but through `onPlan`.
 */
export function useImportFlow({
  engine,
  memory,
  onPlan,
}: {
  engine: EngineClient;
  memory: LayoutMappingMemory;
  onPlan(plan: Plan, outcome: ImportOutcome): void;
}) {
  const [state, setState] = useState<ImportStep>({ step: 'idle' });
  const [notes, setNotes] = useState<ImportNotes>(null);
  const source = useRef<{ bytes: ArrayBuffer; request: ImportRequest } | null>(null);
  // Only the newest file's answer counts (a second file chosen while the first is read wins).
  const generation = useRef(0);

  const inspect = useCallback(
    async (request: ImportRequest) => {
      const current = source.current;
      if (!current) return;
      const mine = ++generation.current;
      current.request = request;
      setState({ step: 'reading', file: request.file });
      const outcome = await engine.inspectImport(current.bytes, request);
      if (mine !== generation.current) return;
      setNotes({
        file: outcome.file,
        notes: outcome.notes,
        noteReasons: outcome.noteReasons,
        ...(outcome.encoding ? { encoding: outcome.encoding } : {}),
      });
      switch (outcome.kind) {
        case 'plan':
          setState({ step: 'idle' });
          onPlan(outcome.plan, outcome);
          return;
        case 'needs-unit':
          setState({ step: 'unit', outcome });
          return;
        case 'refused':
          setState({ step: 'refused', outcome });
          return;
        case 'layout': {
          const { mapping, fromSaved } = mappingToReview(memory.recall(), outcome.proposal);
          setState({
            step: 'review',
            outcome,
            mapping,
            origins: new Map([...fromSaved].map((key) => [key, 'saved' as const])),
          });
          return;
        }
      }
    },
    [engine, memory, onPlan],
  );

  return {
    state,
    notes,
    /** Reads a chosen or dropped file. */
    async choose(file: File) {
      source.current = { bytes: await file.arrayBuffer(), request: { file: file.name } };
      setNotes(null);
      await inspect({ file: file.name });
    },
    chooseUnit(unit: ImportUnit) {
      const request = source.current?.request;
      if (request) void inspect({ ...request, unit });
    },
    chooseSheet(sheet: string) {
      const request = source.current?.request;
      if (request) void inspect({ ...request, sheet });
    },
    setRole(key: string, role: RowRole) {
      setState((s) => {
        if (s.step !== 'review') return s;
        const rows = s.mapping.rows.map((r) => (r.key === key ? { ...r, role, confidence: 'sure' as const } : r));
        return { ...s, mapping: { ...s.mapping, rows }, origins: new Map(s.origins).set(key, 'edited') };
      });
    },
    /** Remembers the reviewed mapping (after it was imported), for next year's file. */
    remember(mapping: LayoutMapping) {
      memory.remember(mapping);
    },
    cancel() {
      generation.current++;
      source.current = null;
      setState({ step: 'idle' });
    },
    /** Ends the flow after an import (the notes of the file stay shown). */
    done() {
      source.current = null;
      setState({ step: 'idle' });
    },
  };
}
