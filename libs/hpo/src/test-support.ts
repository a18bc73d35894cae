import path from 'node:path';
import { resolveMirror } from '@rarerank/io';

/** Paths of the real release files in the data mirror, for specs. */
export const mirrorFile = (...parts: string[]): string => path.join(resolveMirror(), ...parts);
