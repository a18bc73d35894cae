/** A reviewer's change to the ACMG/AMP criteria the engine assigned (PUT …/reviews/… `criteriaChanges`). */
export interface CriterionChange {
  criterion: string;
  action: 'add' | 'remove' | 'strength';
  strength?: string;
}

export const STRENGTHS = ['stand_alone', 'very_strong', 'strong', 'moderate', 'supporting'] as const;

const TOKEN = /^([+-]?)([A-Za-z]{2,3}\d?)(?:=([a-z_]+))?$/;

/**
 * The form's short notation, one change per comma: `+PS2` adds a criterion (`+PS2=supporting` at a
 * strength), `-PP3` removes one, `PM2=moderate` changes its strength. Which criteria and strengths
 * exist is the server's to check (400 naming the field); here only the notation is read.
 */
export function parseCriteriaChanges(text: string): { changes: CriterionChange[] } | { error: string } {
  const changes: CriterionChange[] = [];
  for (const raw of text.split(/[,;\n]+/).map((t) => t.trim()).filter(Boolean)) {
    const m = TOKEN.exec(raw.replace(/\s+/g, ''));
    const strength = m?.[3];
    if (!m || (m[1] === '-' && strength) || (m[1] === '' && !strength)) {
      return { error: `cannot read “${raw.slice(0, 40)}”: write +PS2 (add), +PS2=supporting, -PP3 (remove) or PM2=moderate (strength)` };
    }
    const criterion = m[2].toUpperCase();
    changes.push(m[1] === '+' ? { criterion, action: 'add', ...(strength ? { strength } : {}) } : m[1] === '-' ? { criterion, action: 'remove' } : { criterion, action: 'strength', strength });
  }
  return { changes };
}

/** The notation of stored changes, to fill the form with and to show beside a review. */
export function formatCriteriaChanges(changes: readonly CriterionChange[] | undefined): string {
  return (changes ?? [])
    .map((c) => (c.action === 'remove' ? `-${c.criterion}` : c.action === 'add' ? `+${c.criterion}${c.strength ? `=${c.strength}` : ''}` : `${c.criterion}=${c.strength ?? '?'}`))
    .join(', ');
}
