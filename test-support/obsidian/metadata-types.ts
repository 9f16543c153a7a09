/** The CachedMetadata shapes from obsidian.d.ts (the subset the double computes). */

export interface Loc {
  /** 0-based line */
  line: number;
  col: number;
  offset: number;
}

export interface Pos {
  start: Loc;
  end: Loc;
}

export interface CacheItem {
  position: Pos;
}

export interface Reference {
  link: string;
  original: string;
  displayText?: string;
}

export interface ReferenceCache extends Reference, CacheItem {}
export type LinkCache = ReferenceCache;
export type EmbedCache = ReferenceCache;

export interface FrontmatterLinkCache extends Reference {
  key: string;
}

export interface HeadingCache extends CacheItem {
  heading: string;
  level: number;
}

export interface SectionCache extends CacheItem {
  id?: string | undefined;
  type: string;
}

export interface ListItemCache extends CacheItem {
  id?: string | undefined;
  task?: string | undefined;
  parent: number;
}

export interface TagCache extends CacheItem {
  tag: string;
}

export interface BlockCache extends CacheItem {
  id: string;
}

export interface FrontMatterCache {
  [key: string]: any;
}

export interface CachedMetadata {
  links?: LinkCache[];
  embeds?: EmbedCache[];
  tags?: TagCache[];
  headings?: HeadingCache[];
  sections?: SectionCache[];
  listItems?: ListItemCache[];
  frontmatter?: FrontMatterCache;
  frontmatterPosition?: Pos;
  frontmatterLinks?: FrontmatterLinkCache[];
  blocks?: Record<string, BlockCache>;
}
