/* Material's page-scope helpers, which Material writes inline into every page. Kept in a file so that a
 * Content-Security-Policy of script-src 'self' (deploy/) allows them; the scope is the site's root, the
 * folder above this file's assets/ folder, as Material computes it from the page's base URL. */
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
