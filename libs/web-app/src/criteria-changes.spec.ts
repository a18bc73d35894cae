import { formatCriteriaChanges, parseCriteriaChanges } from './criteria-changes.js';

describe('ACMG criteria changes in the review form', () => {
  it('reads adding, adding at a strength, removing and changing a strength', () => {
    expect(parseCriteriaChanges('+PS2, +pp1=strong; -PP3\nPM2=moderate')).toEqual({
      changes: [
        { criterion: 'PS2', action: 'add' },
        { criterion: 'PP1', action: 'add', strength: 'strong' },
        { criterion: 'PP3', action: 'remove' },
        { criterion: 'PM2', action: 'strength', strength: 'moderate' },
      ],
    });
    expect(parseCriteriaChanges('  ')).toEqual({ changes: [] });
  });

  it('says what it cannot read instead of guessing', () => {
    expect(parseCriteriaChanges('PM2')).toEqual({ error: expect.stringMatching(/^cannot read “PM2”/) });
    expect(parseCriteriaChanges('-PP3=strong')).toEqual({ error: expect.stringMatching(/^cannot read “-PP3=strong”/) });
    expect(parseCriteriaChanges('+PS2, add PM1')).toEqual({ error: expect.stringMatching(/^cannot read “add PM1”/) });
  });

  it('writes stored changes back in the same notation, so a saved review reads as it was typed', () => {
    const typed = '+PS2, +PP1=strong, -PP3, PM2=moderate';
    const parsed = parseCriteriaChanges(typed);
    expect('changes' in parsed && formatCriteriaChanges(parsed.changes)).toBe(typed);
    expect(formatCriteriaChanges(undefined)).toBe('');
  });
});
