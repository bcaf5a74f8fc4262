package io.mercato.web.shop;

import io.mercato.insights.Activity;
import io.mercato.insights.ActivityKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tells the insights activity stream what shop visitors do: every shop page opened is a visit, {@code /search} a
 * search, {@code /p/…} a product view, a {@code POST /cart/items} a cart addition. Recording is an in-memory count
 * (insights writes it in batches), so a page pays no database write for it.
 */
@Configuration
class ShopActivity implements WebMvcConfigurer, HandlerInterceptor {

    private static final String[] NOT_THE_SHOP = {"/ops", "/seller", "/api/", "/rider", "/actuator", "/webjars/",
        "/css/", "/js/", "/images/", "/media/", "/error", "/favicon"};

    private final Activity activity;

    ShopActivity(Activity activity) {
        this.activity = activity;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : NOT_THE_SHOP) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        boolean get = "GET".equals(request.getMethod());
        boolean cart = "POST".equals(request.getMethod()) && path.equals("/cart/items");
        if (!get && !cart) {
            return true;
        }
        String visitor = VisitorCookie.of(request, response);
        if (cart) {
            activity.record(visitor, ActivityKind.CART);
            return true;
        }
        activity.record(visitor, ActivityKind.VISIT);
        if (path.equals("/search")) {
            activity.record(visitor, ActivityKind.SEARCH);
        } else if (path.startsWith("/p/")) {
            activity.record(visitor, ActivityKind.VIEW);
        }
        return true;
    }
}
