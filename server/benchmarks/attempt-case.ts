// One case of the run, timed and printed; a case that throws becomes a result with no figures and a note
// saying why, so the other cases still run and the report still gets written.
import type { CaseResult } from './benchmark-result';

export async function attempt(
  id: string,
  title: string,
  measure: () => Promise<CaseResult>,
): Promise<CaseResult> {
  const started = performance.now();
  console.log(`bench: ${title}...`);
  try {
    const result = await measure();
    console.log(`bench: ${title} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return result;
  } catch (error) {
    console.error(`bench: ${title} failed`, error);
    return {
      id,
      title,
      figures: [],
      notes: [`This case failed: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}
