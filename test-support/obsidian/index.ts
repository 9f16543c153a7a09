/**
 * Test double of the `obsidian` module: the same export names as the real
 * module for what is implemented. Importing it installs Obsidian's DOM helpers
 * on the global window when there is one. Test-only extras live in harness.ts
 * (and a few exports marked "test-only" below).
 */
import "./dom-helpers";

export { installDomHelpers } from "./dom-helpers";
export { apiVersion, requireApiVersion, setApiVersion /* test-only */ } from "./api-version";
export { Events, liveEventListenerCount /* test-only */, listenerErrors /* test-only */ } from "./events";
export type { EventRef } from "./events";
export { Component } from "./component";
export { TAbstractFile, TFile, TFolder } from "./files";
export type { FileStats } from "./files";
export { MemoryStorage /* test-only */ } from "./storage";
export type { VaultStorage, StorageOp, StorageStat } from "./storage";
export { Vault } from "./vault";
export type { DataWriteOptions } from "./vault";
export { CapacitorAdapter, FileSystemAdapter, VaultAdapter /* test-only: the double's vault.adapter */ } from "./adapter";
export type { ListedFiles } from "./adapter";
export { MetadataCache } from "./metadata-cache";
export type * from "./metadata-types";
export { FileManager } from "./file-manager";
export { App } from "./app";
export { Keymap, Platform, Scope } from "./keymap";
export type { KeymapContext, KeymapEventHandler, KeymapEventListener, KeymapInfo, Modifier, PaneType, UserEvent } from "./keymap";
export { debounce } from "./debounce";
export type { Debouncer } from "./debounce";
export { getLinkpath, normalizePath, parseLinktext, stripHeading, stripHeadingForLink } from "./paths";
export { getFrontMatterInfo, parseYaml, stringifyYaml } from "./yaml";
export type { FrontMatterInfo } from "./yaml";
export { addIcon, displayTooltip, getIcon, getIconIds, removeIcon, setIcon, setTooltip } from "./icons";
export type { TooltipOptions } from "./icons";
export { Notice, noticeLog /* test-only */ } from "./notice";
export { Modal } from "./modal";
export { FuzzySuggestModal, SuggestModal } from "./suggest-modal";
export type { FuzzyMatch, Instruction } from "./suggest-modal";
export { Menu, MenuItem, MenuSeparator } from "./menu";
export type { MenuPositionDef } from "./menu";
export {
  AbstractTextComponent,
  BaseComponent,
  ButtonComponent,
  DropdownComponent,
  ExtraButtonComponent,
  SearchComponent,
  SliderComponent,
  TextAreaComponent,
  TextComponent,
  ToggleComponent,
  ValueComponent,
} from "./setting-components";
export { Setting } from "./setting";
export { PluginSettingTab, SettingTab } from "./setting-tab";
export { DeferredView, EmptyView, ItemView, View } from "./view";
export type { ViewStateResult } from "./view";
export { EditableFileView, FileView, MarkdownView, TextFileView } from "./markdown-view";
export type { EditorPosition } from "./markdown-view";
export {
  WorkspaceContainer,
  WorkspaceItem,
  WorkspaceMobileDrawer,
  WorkspaceParent,
  WorkspaceRibbon,
  WorkspaceRoot,
  WorkspaceSidedock,
  WorkspaceSplit,
  WorkspaceTabs,
} from "./workspace-items";
export { WorkspaceLeaf } from "./workspace-leaf";
export type { OpenViewState, ViewState } from "./workspace-leaf";
export { Workspace } from "./workspace";
export type { ViewCreator } from "./workspace";
export type { Command, Hotkey } from "./commands";
export { Plugin } from "./plugin";
export type { CliFlag, CliHandler, PluginManifest } from "./plugin";
export {
  arrayBufferToBase64,
  arrayBufferToHex,
  base64ToArrayBuffer,
  getAllTags,
  getLanguage,
  hexToArrayBuffer,
  iterateCacheRefs,
  iterateRefs,
  MarkdownRenderChild,
  MarkdownRenderer,
  parseFrontMatterAliases,
  parseFrontMatterEntry,
  parseFrontMatterStringArray,
  parseFrontMatterTags,
  prepareFuzzySearch,
  prepareSimpleSearch,
  request,
  requestUrl,
  requestLog /* test-only */,
  setRequestHandler /* test-only */,
  sanitizeHTMLToDom,
} from "./misc";

export { SecretComponent, SecretStorage } from "./secrets";
