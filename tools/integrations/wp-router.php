<?php
// Router for `php -S 127.0.0.1:PORT -t /usr/share/wordpress wp-router.php`: serves Debian's
// WordPress the way its Apache config would. It selects /etc/wordpress/config-$DRAFTDIFF_WP_CONFIG.php
// (Debian's wp-config.php honours $_SERVER['WORDPRESS_CONFIG']), serves /wp-content/ from
// $DRAFTDIFF_WP_CONTENT (a throwaway folder, so nothing under /var/lib/wordpress is touched), static
// files as they are, and everything else through the PHP file asked for or index.php.
$__dd_config = getenv('DRAFTDIFF_WP_CONFIG');
if ($__dd_config) {
    $_SERVER['WORDPRESS_CONFIG'] = $__dd_config;
}
$__dd_root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$__dd_path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));

if (strpos($__dd_path, '/wp-content/') === 0) {
    $__dd_base = realpath(getenv('DRAFTDIFF_WP_CONTENT'));
    $__dd_file = realpath($__dd_base . substr($__dd_path, strlen('/wp-content')));
    // Content is reached through symlinks (themes, the plugin under test): check the request, not the target.
    $__dd_ok = $__dd_file && strpos($__dd_path, '..') === false && is_file($__dd_file);
    if (!$__dd_ok || substr($__dd_file, -4) === '.php') {
        http_response_code(404);
        return true;
    }
    $__dd_types = ['css' => 'text/css', 'js' => 'text/javascript', 'svg' => 'image/svg+xml', 'png' => 'image/png',
        'jpg' => 'image/jpeg', 'woff2' => 'font/woff2', 'woff' => 'font/woff', 'json' => 'application/json'];
    $__dd_ext = strtolower(pathinfo($__dd_file, PATHINFO_EXTENSION));
    header('Content-Type: ' . ($__dd_types[$__dd_ext] ?? 'application/octet-stream'));
    readfile($__dd_file);
    return true;
}

$__dd_file = $__dd_root . $__dd_path;
if (is_file($__dd_file) && substr($__dd_file, -4) !== '.php') {
    return false; // the built-in server sends it
}
if (is_dir($__dd_file) && is_file(rtrim($__dd_file, '/') . '/index.php')) {
    $__dd_file = rtrim($__dd_file, '/') . '/index.php';
}
if (!is_file($__dd_file)) {
    $__dd_file = $__dd_root . '/index.php';
}
$_SERVER['SCRIPT_FILENAME'] = $__dd_file;
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = substr($__dd_file, strlen($__dd_root));
chdir(dirname($__dd_file));
require $__dd_file;
