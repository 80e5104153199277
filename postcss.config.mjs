// Tailwind CSS 4 runs as a PostCSS plugin; its configuration lives in CSS (app/globals.css).
const config = {
  plugins: {
    '@tailwindcss/postcss': {},
  },
};

export default config;
