// The floor for the scale benchmark: a throwaway Astro project, with the same Astro and MDX from this
// project's node_modules, that renders the same MDX case files with a minimal layout and nothing else
// (no data pages, no charts, no search index).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the bare project into `dir`; it reads the case files from `content` (…/cases/{en,zh}/*.mdx). */
export function writeBareProject(root: string, dir: string, content: string): void {
  mkdirSync(join(dir, 'src', 'pages', '[lang]', 'cases'), { recursive: true });
  mkdirSync(join(dir, 'src', 'components'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-floor', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    // its own cache folder: node_modules is this project's (a link), and Astro's default cache there would carry
    // one run's content store and pages into the next, where the floor must be a cold build like ours
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ outDir: process.env.BARE_OUT, cacheDir: './.astro-cache/', trailingSlash: 'always', build: { format: 'directory' }, integrations: [mdx()], devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { cases: defineCollection({ loader: glob({ pattern: '*/*.mdx', base: ${JSON.stringify(content)} }) }) };\n`,
  );
  writeFileSync(join(dir, 'src', 'components', 'Fig.astro'), `---\nconst { id } = Astro.props;\n---\n<span data-fig={id}>[fig]</span>\n`);
  writeFileSync(join(dir, 'src', 'components', 'Term.astro'), `<span><slot /></span>\n`);
  writeFileSync(
    join(dir, 'src', 'pages', '[lang]', 'cases', '[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Fig from '../../../components/Fig.astro';
import Term from '../../../components/Term.astro';
export async function getStaticPaths() {
  return (await getCollection('cases')).map((entry) => {
    const [lang, slug] = entry.id.split('/');
    return { params: { lang, slug }, props: { entry } };
  });
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang={Astro.params.lang}><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><main><h1>{entry.data.title}</h1><p>{entry.data.summary}</p><Content components={{ Fig, Term }} /></main></body></html>
`,
  );
}
