import { describe, expect, it } from 'vitest';
import { noteOf } from '../../../src/jobs/runners.js';

describe('noteOf: what the model said next to its images', () => {
  it('keeps new text, drops an echo of the prompt and empty text', () => {
    expect(noteOf('A vivid fox, snow falling', 'a fox')).toBe('A vivid fox, snow falling');
    expect(noteOf('  a   fox ', 'a fox')).toBeUndefined();
    expect(noteOf('   ', 'a fox')).toBeUndefined();
    expect(noteOf(undefined, 'a fox')).toBeUndefined();
  });

  it('folds whitespace and clips a wall of text at 500 characters, emoji intact', () => {
    const note = noteOf(`line one\n\n${'🦊'.repeat(600)}`, 'x') ?? '';
    expect([...note]).toHaveLength(500);
    expect(note.startsWith('line one 🦊')).toBe(true);
    expect(note.endsWith('🦊…')).toBe(true);
  });
});
