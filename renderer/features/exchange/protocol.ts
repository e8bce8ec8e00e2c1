/** Messages between the Import section and its worker (plain data: structured clone). */
import type { Mapping } from '@shared/domain/exchange/flat';
import type { FlatOptions, FlatPreview, InputFile } from '@shared/domain/exchange/importFile';
import type { ExchangeErrorParams } from '@shared/domain/exchange/limits';
import type { PlanHead, PlanPart } from '@shared/domain/exchange/planStream';
import type { ImportContext, ImportFormat, ImportPlan } from '@shared/domain/exchange/types';
import type { DistinctValues, ValueMap } from '@shared/domain/exchange/valueMatch';

export type WorkerRequest =
  | { type: 'preview'; file: InputFile; format: 'csv' | 'xlsx'; options: FlatOptions }
  | {
      type: 'values';
      file: InputFile;
      format: 'csv' | 'xlsx';
      options: FlatOptions;
      mapping: Mapping;
      country: string;
    }
  | {
      type: 'plan';
      files: InputFile[];
      format: ImportFormat;
      options: FlatOptions;
      mapping: Mapping;
      values: ValueMap;
      /** 3W/5W: one service per organisation × sector × area. */
      presence: boolean;
      context: Omit<ImportContext, 'newId'>;
    };

export type Failure = { code: string; params: ExchangeErrorParams };

export type WorkerResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'preview'; preview: FlatPreview }
  | { type: 'values'; values: DistinctValues }
  | { type: 'plan'; plan: ImportPlan }
  /** The plan in parts (planStream.ts), then its head: the window joins them into `plan`. */
  | { type: 'planPart'; part: PlanPart }
  | { type: 'planHead'; head: PlanHead }
  | { type: 'error'; failure: Failure };
