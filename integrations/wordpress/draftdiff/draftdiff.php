<?php
/**
 * Plugin Name:       draftdiff
 * Description:       Embeds the draftdiff comparison of the 2011 and 2015 drafts of the SCO code of conduct: the [draftdiff] shortcode, or a provision's link pasted on its own line (classic editor) or into an Embed block. Works for every role, Authors and Contributors included, because the post stores only the shortcode or the link and the iframe is built when the post is shown.
 * Version:           1.0.0
 * Requires at least: 5.5
 * Requires PHP:      7.4
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       draftdiff
 *
 * Why not the snippets from "Embed this view": WordPress runs wp_kses_post over what Authors and
 * Contributors save, which removes <iframe> and <script>. This plugin stores nothing but the
 * shortcode (or the URL) and writes the iframe at display time, after KSES.
 *
 * Why an embed handler and not an oEmbed provider: a handler builds the iframe here, from the URL
 * alone, with no request to the widget's host, so it works offline, for every role, and on a
 * static host. WordPress asks an oEmbed provider `ENDPOINT?url=…&maxwidth=…`, one fixed endpoint
 * for every URL, which a static folder cannot answer per provision; and HTML that WordPress finds
 * by oEmbed discovery is sandboxed and gets `#?secret=…` appended to the iframe's src, which would
 * replace the view state in the hash. The per-provision oembed.json files are for other consumers.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The option holding the widget's base URL (the folder with index.html, ending in "/"). */
const DRAFTDIFF_OPTION = 'draftdiff_base';

/** A provision anchor: year, then lower-case id words joined by "-" (2015-7, 2011-code-chapeau). */
const DRAFTDIFF_ANCHOR = '/^(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)*$/';

/**
 * The configured base URL, normalised to end in "/", or '' when unset.
 *
 * @return string
 */
function draftdiff_base() {
	$base = (string) get_option( DRAFTDIFF_OPTION, '' );
	return draftdiff_sanitize_base( $base );
}

/**
 * Sanitises the base URL setting: http(s) only, no query or hash, "index.html" dropped, one
 * trailing slash.
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function draftdiff_sanitize_base( $value ) {
	$url = esc_url_raw( trim( (string) $value ), array( 'http', 'https' ) );
	if ( '' === $url ) {
		return '';
	}
	$url = preg_replace( '/[?#].*$/', '', $url );
	$url = preg_replace( '#/index\.html$#', '/', $url );
	return rtrim( $url, '/' ) . '/';
}

/*
 * ---------------------------------------------------------------------------------------------
 * View state: the part after "#" (docs/url-grammar.md). Everything is validated against a
 * whitelist and written back in the grammar's strict form, so nothing from a post reaches the
 * iframe's URL unchecked.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * Percent-encodes everything but A–Z a–z 0–9 - . _ (as the widget writes its links).
 *
 * @param string $text Text.
 * @return string
 */
function draftdiff_encode( $text ) {
	return str_replace( '~', '%7E', rawurlencode( $text ) );
}

/**
 * Splits a list of theme ids (commas or spaces) and keeps the valid ones, at most 16.
 *
 * @param string $value List.
 * @return string[]
 */
function draftdiff_theme_list( $value ) {
	$ids = preg_split( '/[\s,]+/', strtolower( (string) $value ), -1, PREG_SPLIT_NO_EMPTY );
	$ids = array_values( array_unique( array_filter( $ids, function ( $id ) {
		return (bool) preg_match( '/^[a-z0-9-]{1,40}$/', $id );
	} ) ) );
	return array_slice( $ids, 0, 16 );
}

/**
 * Builds the hash from named options; invalid values are dropped (the widget's default applies).
 *
 * @param array $o provision, text, themes, match, view, q, open, notes, show (decoded text).
 * @return string The state without "#", e.g. "2015-7&themes=human-rights&view=inline".
 */
function draftdiff_state( array $o ) {
	$parts = array();
	$provision = strtolower( trim( (string) ( $o['provision'] ?? '' ) ) );
	$has_focus = '' !== $provision && preg_match( DRAFTDIFF_ANCHOR, $provision ) && strlen( $provision ) <= 69;
	if ( $has_focus ) {
		$parts[] = $provision;
	}
	$text = trim( (string) ( $o['text'] ?? '' ) );
	if ( $has_focus && '' !== $text ) {
		$ends = array_slice( array_filter( array_map( 'trim', explode( ',', $text ) ), 'strlen' ), 0, 2 );
		$ends = array_map( function ( $w ) {
			return draftdiff_encode( mb_substr( $w, 0, 100 ) );
		}, $ends );
		if ( $ends ) {
			$parts[] = 'text=' . implode( ',', $ends );
		}
	}
	$themes = draftdiff_theme_list( $o['themes'] ?? '' );
	if ( $themes ) {
		$parts[] = 'themes=' . implode( ',', $themes );
	}
	$choices = array(
		'match' => array( 'all' ),            // "any" is the default.
		'view'  => array( 'inline', 'old', 'new' ), // "side" is the default.
	);
	foreach ( $choices as $key => $allowed ) {
		$v = strtolower( trim( (string) ( $o[ $key ] ?? '' ) ) );
		if ( in_array( $v, $allowed, true ) ) {
			$parts[] = $key . '=' . $v;
		}
	}
	$q = trim( (string) ( $o['q'] ?? '' ) );
	if ( '' !== $q ) {
		$parts[] = 'q=' . draftdiff_encode( mb_substr( $q, 0, 200 ) );
	}
	$open = strtolower( trim( (string) ( $o['open'] ?? '' ) ) );
	if ( 'none' === $open ) {
		$parts[] = 'open=none';
	} elseif ( '' !== $open ) {
		$sections = array_values( array_intersect(
			array( 'letter', 'preamble', 'purpose', 'code' ),
			preg_split( '/[\s,]+/', $open, -1, PREG_SPLIT_NO_EMPTY )
		) );
		if ( $sections ) {
			$parts[] = 'open=' . implode( ',', $sections );
		}
	}
	if ( 'off' === strtolower( trim( (string) ( $o['notes'] ?? '' ) ) ) ) {
		$parts[] = 'notes=off';
	}
	// What the card shows: "all" (the whole document) or just these provisions' pairs.
	$show = strtolower( trim( (string) ( $o['show'] ?? '' ) ) );
	if ( 'all' === $show ) {
		$parts[] = 'show=all';
	} elseif ( '' !== $show ) {
		$anchors = array_slice( array_values( array_filter(
			preg_split( '/[\s,]+/', $show, -1, PREG_SPLIT_NO_EMPTY ),
			function ( $a ) {
				return preg_match( DRAFTDIFF_ANCHOR, $a ) && strlen( $a ) <= 69;
			}
		) ), 0, 16 );
		if ( $anchors ) {
			$parts[] = 'show=' . implode( ',', array_unique( $anchors ) );
		}
	}
	return implode( '&', $parts );
}

/**
 * Reads a hash written by the widget (or by hand) into the options draftdiff_state() takes.
 * Lenient like the widget: unknown keys and bare words are ignored, the last duplicate wins.
 *
 * @param string $hash State, with or without "#".
 * @return array
 */
function draftdiff_parse_state( $hash ) {
	$hash = substr( ltrim( (string) $hash, '#' ), 0, 8192 );
	$cut  = strpos( $hash, ':~:' );
	if ( false !== $cut ) {
		$hash = substr( $hash, 0, $cut );
	}
	$o = array();
	foreach ( explode( '&', $hash ) as $i => $segment ) {
		$eq = strpos( $segment, '=' );
		if ( false === $eq ) {
			if ( 0 === $i ) {
				$o['provision'] = $segment;
			}
			continue;
		}
		$key = substr( $segment, 0, $eq );
		if ( in_array( $key, array( 'text', 'themes', 'match', 'view', 'q', 'open', 'notes', 'show' ), true ) ) {
			$value = substr( $segment, $eq + 1 );
			// Passage ends are split on the raw "," before decoding (an encoded %2C is a word).
			$o[ $key ] = 'text' === $key
				? implode( ',', array_map( 'rawurldecode', explode( ',', $value ) ) )
				: rawurldecode( $value );
		}
	}
	return $o;
}

/*
 * ---------------------------------------------------------------------------------------------
 * The iframe card (the embed contract in the widget's README).
 * ---------------------------------------------------------------------------------------------
 */

/**
 * The page the iframe loads, up to its id: the lean card page (embed.html) for a state that opens
 * as a card (a provision, a list, a theme or a search), the full page in iframe mode for the whole
 * document. Either shows either; the other one only downloads more. The widget's own rule is
 * view::card::names_card (README, "Embed").
 *
 * @param string $state From draftdiff_state().
 * @return string
 */
function draftdiff_frame_page( $state ) {
	$o    = draftdiff_parse_state( $state );
	$show = strtolower( trim( (string) ( $o['show'] ?? '' ) ) );
	$card = '' !== $show
		? 'all' !== $show
		: ( '' !== (string) ( $o['provision'] ?? '' ) || '' !== (string) ( $o['themes'] ?? '' ) || '' !== trim( (string) ( $o['q'] ?? '' ) ) );
	return $card ? 'embed.html?id=' : 'index.html?embed=1&id=';
}

/**
 * The iframe for a state, and the host script (once per page) that sizes it to its content.
 *
 * @param string $state  From draftdiff_state().
 * @param array  $extra  height (px), theme (light|dark), title.
 * @return string HTML.
 */
function draftdiff_iframe( $state, array $extra = array() ) {
	static $count = 0;
	$base = draftdiff_base();
	if ( '' === $base ) {
		return current_user_can( 'edit_posts' )
			? '<p class="draftdiff-missing">' . esc_html__( 'draftdiff: set the widget’s address in Settings → draftdiff.', 'draftdiff' ) . '</p>'
			: '';
	}
	$count++;
	$id     = 'draftdiff-wp-' . $count;
	$height = isset( $extra['height'] ) ? absint( $extra['height'] ) : 0;
	$height = $height ? min( 4000, max( 200, $height ) ) : 640;
	$query  = draftdiff_frame_page( $state ) . $id;
	$theme  = strtolower( (string) ( $extra['theme'] ?? '' ) );
	if ( in_array( $theme, array( 'light', 'dark' ), true ) ) {
		$query .= '&theme=' . $theme;
	}
	$src   = $base . $query . ( '' !== $state ? '#' . $state : '' );
	$title = trim( (string) ( $extra['title'] ?? '' ) );
	if ( '' === $title ) {
		$title = __( 'Comparison of the 2011 and 2015 drafts', 'draftdiff' );
	}

	wp_enqueue_script( 'draftdiff-host', $base . 'draftdiff-host.js', array(), null, true );

	// The wrapping block keeps the card in the theme's content column: themes size and centre the
	// blocks of a post, and a bare iframe is inline.
	return sprintf(
		'<div class="draftdiff-embed"><iframe class="draftdiff" data-draftdiff="%s" src="%s" title="%s" allow="clipboard-write" style="width:100%%;height:%dpx;border:0" loading="lazy"></iframe></div>',
		esc_attr( $id ),
		esc_url( $src, array( 'http', 'https' ) ),
		esc_attr( $title ),
		$height
	);
}

/** The host script is deferred, as the README's snippet has it. */
add_filter( 'script_loader_tag', function ( $tag, $handle ) {
	if ( 'draftdiff-host' === $handle && false === strpos( $tag, ' defer' ) ) {
		$tag = str_replace( '<script ', '<script defer ', $tag );
	}
	return $tag;
}, 10, 2 );

/*
 * ---------------------------------------------------------------------------------------------
 * [draftdiff provision="2015-7" themes="human-rights" view="inline" match="any" q="…" notes="off"
 *            text="…" open="…" show="all|2015-7,2015-8" theme="dark" height="800" title="…"]
 * ---------------------------------------------------------------------------------------------
 */

/**
 * Renders the shortcode.
 *
 * @param array|string $atts Attributes.
 * @return string
 */
function draftdiff_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'provision' => '',
			'text'      => '',
			'themes'    => '',
			'match'     => '',
			'view'      => '',
			'q'         => '',
			'open'      => '',
			'notes'     => '',
			'show'      => '',
			'theme'     => '',
			'height'    => '',
			'title'     => '',
		),
		$atts,
		'draftdiff'
	);
	// KSES stored "&" as "&amp;" (and the editor may have written other entities): read text.
	$atts = array_map( function ( $v ) {
		return html_entity_decode( (string) $v, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	}, $atts );
	return draftdiff_iframe( draftdiff_state( $atts ), $atts );
}
add_shortcode( 'draftdiff', 'draftdiff_shortcode' );

/*
 * ---------------------------------------------------------------------------------------------
 * A pasted link: BASE/p/2015-7/ or BASE/index.html#2015-7&themes=… on its own line, or in an
 * Embed block. Only links that name a provision are embedded; others stay links.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * The regex matching links to the configured widget, or '' when no base is set.
 *
 * @return string
 */
function draftdiff_link_regex() {
	$base = draftdiff_base();
	if ( '' === $base ) {
		return '';
	}
	$base = preg_replace( '#^https?://#i', '', $base );
	return '#^https?://' . preg_quote( $base, '#' ) . '(?:p/([a-z0-9-]+)/?(?:index\.html)?|index\.html)?(?:\?[^\#]*)?(?:\#(.*))?$#i';
}

/**
 * Embed handler: builds the iframe from the URL alone (no request leaves WordPress).
 *
 * @param array  $matches Regex matches: [1] provision of a /p/ link, [2] the hash.
 * @param array  $attr    Embed attributes.
 * @param string $url     The link.
 * @return string|false
 */
function draftdiff_embed_handler( $matches, $attr, $url ) {
	$o = draftdiff_parse_state( $matches[2] ?? '' );
	if ( ! empty( $matches[1] ) ) {
		$o['provision'] = $matches[1];
	}
	$state = draftdiff_state( $o );
	if ( ! preg_match( '/^(19|20)\d\d-/', $state ) ) {
		return false; // No provision named: leave it a plain link.
	}
	return draftdiff_iframe( $state );
}

add_action( 'init', function () {
	$regex = draftdiff_link_regex();
	if ( '' !== $regex ) {
		wp_embed_register_handler( 'draftdiff', $regex, 'draftdiff_embed_handler' );
	}
} );

/*
 * The block editor previews an Embed block through GET /oembed/1.0/proxy, which tries oEmbed
 * (and discovery, a request to the widget's host) before embed handlers. Answer our links there
 * directly with the handler's HTML, so the preview matches the post and needs no network.
 */
add_filter( 'rest_pre_dispatch', function ( $result, $server, $request ) {
	if ( null !== $result || '/oembed/1.0/proxy' !== $request->get_route() || ! current_user_can( 'edit_posts' ) ) {
		return $result;
	}
	$regex = draftdiff_link_regex();
	$url   = (string) $request['url'];
	if ( '' === $regex || ! preg_match( $regex, $url, $m ) ) {
		return $result;
	}
	$html = draftdiff_embed_handler( $m, array(), $url );
	if ( false === $html ) {
		return $result;
	}
	return rest_ensure_response( array(
		'provider_name' => 'draftdiff',
		'html'          => $html,
		'scripts'       => array( draftdiff_base() . 'draftdiff-host.js' ),
	) );
}, 10, 3 );

/*
 * ---------------------------------------------------------------------------------------------
 * Settings → draftdiff
 * ---------------------------------------------------------------------------------------------
 */

add_action( 'admin_init', function () {
	register_setting( 'draftdiff', DRAFTDIFF_OPTION, array(
		'type'              => 'string',
		'sanitize_callback' => 'draftdiff_sanitize_base',
		'default'           => '',
	) );
	add_settings_section( 'draftdiff_main', '', '__return_false', 'draftdiff' );
	add_settings_field( DRAFTDIFF_OPTION, __( 'Widget address', 'draftdiff' ), function () {
		printf(
			'<input type="url" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" placeholder="https://example.org/draftdiff/">'
			. '<p class="description">%3$s</p>',
			esc_attr( DRAFTDIFF_OPTION ),
			esc_attr( draftdiff_base() ),
			esc_html__( 'The folder where the widget is published (the one holding index.html and draftdiff-host.js).', 'draftdiff' )
		);
	}, 'draftdiff', 'draftdiff_main', array( 'label_for' => DRAFTDIFF_OPTION ) );
} );

add_action( 'admin_menu', function () {
	add_options_page( 'draftdiff', 'draftdiff', 'manage_options', 'draftdiff', function () {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		echo '<div class="wrap"><h1>draftdiff</h1><form method="post" action="options.php">';
		settings_fields( 'draftdiff' );
		do_settings_sections( 'draftdiff' );
		submit_button();
		echo '</form><p>' . esc_html__( 'In a post: [draftdiff provision="2015-7" themes="human-rights" view="inline"], or paste a provision’s link (…/p/2015-7/) on its own line.', 'draftdiff' ) . '</p></div>';
	} );
} );
