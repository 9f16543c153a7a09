/** All setting controls (re-exported from their modules). */
export { AbstractTextComponent, BaseComponent, SearchComponent, TextAreaComponent, TextComponent, ValueComponent } from "./text-components";
export { DropdownComponent, SliderComponent, ToggleComponent } from "./choice-components";
export { ButtonComponent, ExtraButtonComponent } from "./button-components";
