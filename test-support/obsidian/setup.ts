/**
 * Vitest setup: installs Obsidian's DOM helpers on the test window (importing
 * index.ts does it too). Use as `setupFiles` or import it at the top of a test.
 */
import { installDomHelpers } from "./dom-helpers";

if (typeof window !== "undefined") installDomHelpers(window);
