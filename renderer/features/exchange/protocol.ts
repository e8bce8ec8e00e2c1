/** Messages between the Import section and its worker (plain data: structured clone). */
import type { Mapping } from '@shared/domain/exchange/flat';
import type { FlatOptions, FlatPreview, InputFile } from '@shared/domain/exchange/importFile';
import type { ExchangeErrorParams } from '@shared/domain/exchange/limits';
import type { ImportContext, ImportFormat, ImportPlan } from '@shared/domain/exchange/types';

export type WorkerRequest =
  | { type: 'preview'; file: InputFile; format: 'csv' | 'xlsx'; options: FlatOptions }
  | {
      type: 'plan';
      files: InputFile[];
      format: ImportFormat;
      options: FlatOptions;
      mapping: Mapping;
      context: Omit<ImportContext, 'newId'>;
    };

export type Failure = { code: string; params: ExchangeErrorParams };

export type WorkerResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'preview'; preview: FlatPreview }
  | { type: 'plan'; plan: ImportPlan }
  | { type: 'error'; failure: Failure };
