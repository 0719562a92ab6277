import type { StateCreator } from 'zustand';
import type { BerthState, UiSlice } from './types';

let nextNoticeId = 1;
const MAX_NOTICES = 5;

export const createUiSlice: StateCreator<BerthState, [], [], UiSlice> = (set) => ({
  filterText: '',
  runningOnly: false,
  sort: { column: 'name', direction: 'asc' },
  selection: new Set(),
  collapsedGroups: new Set(),
  pending: {},
  notices: [],
  removeRequest: null,
  setFilterText: (filterText) => set({ filterText }),
  setRunningOnly: (runningOnly) => set({ runningOnly }),
  sortBy: (column) =>
    set(({ sort }) => ({
      sort:
        sort.column === column
          ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
          : // Usage sorts start with the biggest: "what is eating my CPU?"
            { column, direction: column === 'cpu' || column === 'memory' ? 'desc' : 'asc' },
    })),
  toggleSelected: (id, selected) =>
    set(({ selection }) => {
      if (selection.has(id) === selected) return {};
      const next = new Set(selection);
      if (selected) next.add(id);
      else next.delete(id);
      return { selection: next };
    }),
  setSelection: (ids) => set({ selection: new Set(ids) }),
  toggleGroup: (project) =>
    set(({ collapsedGroups }) => {
      const next = new Set(collapsedGroups);
      if (!next.delete(project)) next.add(project);
      return { collapsedGroups: next };
    }),
  setPending: (id, action) =>
    set(({ pending }) => {
      if (action) return { pending: { ...pending, [id]: action } };
      if (!(id in pending)) return {};
      const { [id]: _done, ...rest } = pending;
      return { pending: rest };
    }),
  pushNotice: (message) =>
    set(({ notices }) => ({ notices: [...notices, { id: nextNoticeId++, message }].slice(-MAX_NOTICES) })),
  dismissNotice: (id) => set(({ notices }) => ({ notices: notices.filter((n) => n.id !== id) })),
  askRemove: (ids) => set({ removeRequest: ids.length > 0 ? [...ids] : null }),
  closeRemove: () => set({ removeRequest: null }),
});
