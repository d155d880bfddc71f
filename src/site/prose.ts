// A case profile's MDX body, compiled where its page is rendered instead of bundled as a module.
//
// The validated data already holds every profile's text (src/lib/validate.ts checks it holds only
// markdown, <Fig> and <Term>). Compiling it here, with the compiler and options @astrojs/mdx uses
// (Sätteri; GitHub-flavoured markdown and smart punctuation on, Astro's heading ids), renders the
// same HTML as an MDX module, byte for byte, without handing Vite one module per profile: bundling
// 40,000 MDX files is where a 20,000-case build spent most of its memory (README → Scale).
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { Fragment, jsx } from 'astro/jsx-runtime';
import { evaluate } from 'satteri';

type Components = Record<string, unknown>;
/** The component a page renders: <Content components={{ Fig, Term }} />. */
export type ProseContent = (props?: { components?: Components }) => unknown;

/** Compile a profile's body (the MDX after its frontmatter) to a component rendered by Astro's JSX renderer. */
export async function proseContent(body: string, file: string): Promise<ProseContent> {
  let exports: Record<string, unknown>;
  try {
    exports = await evaluate(body, {
      Fragment,
      jsx: jsx as (type: unknown, props: unknown) => unknown,
      jsxs: jsx as (type: unknown, props: unknown) => unknown,
      hastPlugins: [satteriHeadingIdsPlugin()],
      // Astro's markdown defaults (markdown.gfm, markdown.smartypants), which astro.config.mjs leaves as they are
      features: { gfm: true, smartPunctuation: true },
      elementAttributeNameCase: 'html',
      data: { astro: { frontmatter: {}, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
    });
  } catch (e) {
    throw new Error(`${file}: the profile's MDX does not compile: ${(e as Error).message}`);
  }
  const MDXContent = exports.default as (props: { components: Components }) => unknown;
  // as @astrojs/mdx wraps a module's default export (vite-plugin-mdx-postprocess)
  const Content = ((props: { components?: Components } = {}) => MDXContent({ ...props, components: { Fragment, ...props.components } })) as ProseContent;
  Object.assign(Content, { [Symbol.for('mdx-component')]: true, [Symbol.for('astro.needsHeadRendering')]: true });
  // rendered by @astrojs/mdx's JSX renderer (what astro/runtime/server's __astro_tag_component__ sets)
  Object.defineProperty(Content, Symbol.for('astro:renderer'), { value: 'astro:jsx' });
  return Content;
}
