/** 🔁 for image jobs: the same request, validated and priced anew (the catalog may have changed). */
import type { Catalog } from '../../catalog/index.js';
import { imageJobParams } from '../../jobs/image-params.js';
import type { JobRow } from '../../jobs/store.js';
import { isImageModel, prepareImageJob } from '../images/request.js';
import type { PreparedJob } from './job-draft.js';

/** Families whose results take 🔁 and ✏️ in the chat. */
export const IMAGE_FAMILIES: ReadonlySet<string> = new Set(['image', 'chat-image', 'edit']);

/** The prepared repeat of `job`; undefined when its model is gone or it is not an image job. */
export function againJob(
  catalog: Catalog,
  job: JobRow,
  replyToMessageId?: number,
): PreparedJob | undefined {
  if (!IMAGE_FAMILIES.has(job.family)) return undefined;
  const model = catalog.get(job.model);
  const params = imageJobParams.safeParse(job.params);
  if (!isImageModel(model) || !params.success) return undefined;
  const p = params.data;
  return prepareImageJob({
    model,
    kind: job.kind === 'edit' ? 'edit' : 'generate',
    prompt: p.prompt,
    n: p.n,
    ...(p.size ? { size: p.size } : {}),
    ...(p.aspectRatio ? { aspectRatio: p.aspectRatio } : {}),
    inputs: p.inputs,
    parentJobId: job.id,
    ...(replyToMessageId !== undefined ? { replyToMessageId } : {}),
  });
}
