import { sampleText } from './codes.ts';
import type { FileField, TargetField } from './types.ts';

/** How many distinct sample values a column shows. */
export const SAMPLES_SHOWN = 5;

const TYPES = ['text', 'code', 'number', 'year', 'region'] as const;
export type FieldType = (typeof TYPES)[number];
export const typeOf = (field: TargetField): FieldType => ((TYPES as readonly string[]).includes(field.type) ? (field.type as FieldType) : 'text');

/** our field → file field, from the wire's file field → our field (and back: the map is one to one). */
export function invert(mapping: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).map(([from, to]) => [to, from]));
}

/** A file column as the mapping select offers it. */
export interface ColumnOption {
  value: string;
  label: string;
  samples: string[];
  /** The field of ours it already fills, if another. */
  usedBy?: string;
}

export const distinctSamples = (field: FileField | undefined) => [...new Set((field?.samples ?? []).map(sampleText).filter((v) => v !== ''))];

/** Sample values the importer would refuse for a field of this type (what the server checks, as far as the API says). */
export function badSamples(type: FieldType, values: string[]): string[] {
  switch (type) {
    case 'number':
      return values.filter((v) => !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v));
    case 'year':
      return values.filter((v) => {
        const m = /^(\d{4})(?:[-/.]?\d{1,2}(?:[-/.]?\d{1,2})?)?$/.exec(v.replace(/\.0+$/, ''));
        return !(m && Number(m[1]) >= 1950 && Number(m[1]) <= 2100);
      });
    case 'region':
      return values.filter((v) => !/^\d{6}(\d{3}){0,2}$/.test(v.replace(/\.0+$/, '')));
    default:
      return [];
  }
}
