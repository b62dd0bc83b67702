import { abortError } from '../errors.js';
import type { ModelCall, SessionView, Usage } from '../model/model.js';
import { chatSpanName } from '../observability/gen-ai.js';
import { chatAttributes, recordChat } from '../observability/gen-ai-spans.js';
import { inSpan, type Span, SpanKind } from '../observability/tracing.js';
import { type CompactionOptions, compactionInput, DEFAULT_COMPACTION_PROMPT } from '../session/compaction.js';
import type { SessionHistory } from '../session/history.js';
import { promptFromHistory } from './prompt.js';

/**
 * Compacts the history when its window would exceed the budget: asks the hook, calls the
 * summarizer in a `chat` span (child of the turn's), and stages the summary for the commit.
 * Resolves the summarizer's usage (the turn adds it to its own), or undefined when nothing was
 * summarized. A summarizer that fails leaves the window as it was (only trimmed); the turn goes on.
 */
export async function compactHistory(
  history: SessionHistory,
  options: CompactionOptions,
  ctx: { session: SessionView; signal: AbortSignal; requestId: string | undefined; span: Span | undefined },
): Promise<Usage | undefined> {
  const range = history.compactionPlan(promptFromHistory);
  if (range === undefined) return undefined;
  const decided = options.onCompact
    ? await options.onCompact(structuredClone(range), { session: ctx.session })
    : undefined;
  if (decided === false) return undefined;
  const model = options.model;
  const call: ModelCall = {
    system: decided?.prompt ?? options.prompt ?? DEFAULT_COMPACTION_PROMPT,
    messages: [{ role: 'user', content: compactionInput(range) }],
    tools: [],
    signal: ctx.signal,
    session: ctx.session,
  };
  try {
    const result = await inSpan(
      () => chatSpanName(model.id ?? 'unnamed'),
      ctx.span,
      () => ({
        ...chatAttributes(call, model, ctx.requestId),
        'baton.compaction.from_seq': range.fromSeq,
        'baton.compaction.to_seq': range.toSeq,
      }),
      () => model.generate(call),
      (span, value) => recordChat(span, model, value),
      SpanKind.CLIENT,
    );
    if (ctx.signal.aborted) throw abortError(ctx.signal);
    if (result.text.trim() === '') return result.usage;
    history.applySummary(range, result.text);
    return result.usage;
  } catch {
    if (ctx.signal.aborted) throw abortError(ctx.signal);
    return undefined;
  }
}
