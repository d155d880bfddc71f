// Values one page's components share while it renders (Astro.locals).
declare namespace App {
  interface Locals {
    /** Set by embed pages: charts leave out their data table and tools. */
    embed?: boolean;
  }
}
