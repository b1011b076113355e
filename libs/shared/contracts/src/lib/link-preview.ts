/**
 * What a platform shows for a link (its card): the page's Open Graph title, description, image and
 * site name, with the usual fallbacks (Twitter card tags, `<title>`, meta description). `null` where
 * the page says nothing.
 */
export interface LinkPreview {
  /** The page's own address (`og:url`), or the address the link led to after redirects. */
  url: string;
  title: string | null;
  description: string | null;
  /** Absolute http(s) address of the card's image. */
  imageUrl: string | null;
  siteName: string | null;
}
