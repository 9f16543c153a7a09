// Stands in for Node built-ins (fs) that gray-matter requires at load but never
// uses for string input, so the plugin bundle loads where Node is absent.
export default {};
