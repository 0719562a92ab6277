import type { Caller } from '../../src-common/contract/handlers';

/** The client a test's calls come from; another one stands for a second connection or window. */
export const TEST_CALLER: Caller = { label: 'test connection' };
export const OTHER_CALLER: Caller = { label: 'another connection' };
