import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { distinctSamples, invert, type ColumnOption } from './mapping-rules.ts';
import { useCodeTables, usePatchJob, useStartJob } from './queries.ts';
import type { ImportJob } from './types.ts';

/**
 * The mapping step's state: which file column fills each of our fields, translations of unknown
 * codes, and saving them (on leaving the step or before starting the import).
 */
export function useMapping(job: ImportJob, onBack: () => void) {
  const { t } = useTranslation();
  const patch = usePatchJob(job.id);
  const start = useStartJob(job.id);
  const codes = useCodeTables();
  const settings = job.settings!;
  const layer = job.inspection.layers.find((l) => l.name === settings.layer) ?? job.inspection.layers[0]!;
  const fileFields = layer.fields;
  const [mapping, setMapping] = useState<Record<string, string>>(settings.mapping);
  const [valueMap, setValueMap] = useState<Record<string, Record<string, string>>>(settings.valueMap);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const byOurs = useMemo(() => invert(mapping), [mapping]);
  const fieldByName = useMemo(() => new Map(fileFields.map((f) => [f.name, f])), [fileFields]);
  const labelOf = useMemo(() => new Map(job.targetFields.map((f) => [f.name, f.label])), [job.targetFields]);
  const domains = useMemo(() => new Map((codes.data ?? []).map((d) => [d.domain, d])), [codes.data]);

  const changed = (next: Record<string, string>) => {
    setMapping(next);
    setDirty(true);
    setProblems([]);
  };

  const assign = (ours: string, fileField: string | undefined) => {
    const next: Record<string, string> = {};
    for (const [file, field] of Object.entries(mapping)) if (field !== ours && file !== fileField) next[file] = field;
    if (fileField) next[fileField] = ours;
    changed(next);
  };

  /** A preset's mapping, as far as this file has its columns and the target has its fields. */
  const applyPreset = (preset: Record<string, string>) => {
    const known = Object.fromEntries(Object.entries(preset).filter(([file, ours]) => fieldByName.has(file) && labelOf.has(ours)));
    // Inverted twice: one file column per field of ours, as `assign` keeps it.
    changed(invert(invert(known)));
  };

  const translate = (ours: string, value: string, code: string | undefined) => {
    setValueMap((current) => {
      const forField = { ...(current[ours] ?? {}) };
      if (code) forField[value] = code;
      else delete forField[value];
      const next = { ...current, [ours]: forField };
      if (Object.keys(forField).length === 0) delete next[ours];
      return next;
    });
    setDirty(true);
  };

  /** Value translations only for fields still mapped, so a stale one cannot refuse the start. */
  const usedValueMap = () => Object.fromEntries(Object.entries(valueMap).filter(([ours]) => byOurs[ours] !== undefined));
  const save = async (): Promise<ImportJob> => (dirty ? patch.mutateAsync({ mapping, valueMap: usedValueMap() }) : job);

  const requiredMissing = job.targetFields.filter((f) => f.required && !byOurs[f.name]);

  const run = async () => {
    setProblems([]);
    if (requiredMissing.length > 0) {
      setProblems([t('imports.mapping.requiredMissing', { fields: requiredMissing.map((f) => f.label).join('、') })]);
      return;
    }
    try {
      const saved = await save();
      setDirty(false);
      if (saved.missing.length > 0) {
        setProblems(saved.missing.map((m) => m.message));
        return;
      }
      await start.mutateAsync();
    } catch (error) {
      setProblems([errorMessage(error)]);
    }
  };

  const back = async () => {
    try {
      await save();
      setDirty(false);
      onBack();
    } catch (error) {
      setProblems([errorMessage(error)]);
    }
  };

  /** The file's columns, free ones first (in file order), then those another field already uses. */
  const fileOptions = (ours: string): ColumnOption[] => {
    const options = fileFields.map((f) => {
      const usedBy = mapping[f.name];
      return { value: f.name, label: f.name, samples: distinctSamples(f), usedBy: usedBy && usedBy !== ours ? (labelOf.get(usedBy) ?? usedBy) : undefined };
    });
    return [...options.filter((o) => !o.usedBy), ...options.filter((o) => o.usedBy)];
  };

  return {
    layer,
    mapping,
    valueMap,
    byOurs,
    fieldByName,
    domains,
    problems,
    busy: patch.isPending || start.isPending,
    requiredMissing,
    kindMissing: job.targetFields.some((f) => f.name === 'kind') && !byOurs.kind && !settings.kind,
    mappedCount: job.targetFields.filter((f) => byOurs[f.name]).length,
    unused: fileFields.filter((f) => mapping[f.name] === undefined),
    assign,
    applyPreset,
    translate,
    fileOptions,
    run,
    back,
  };
}

export type Mapping = ReturnType<typeof useMapping>;
