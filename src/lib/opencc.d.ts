// opencc-js exports its table modules (`opencc-js/to/cn`: traditional → mainland simplified) without types.
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';
  const groups: readonly DictGroup[];
  export default groups;
}
